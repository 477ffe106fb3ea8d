package com.example.couponimporter.job;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * A step-scoped reader without its proxy in the way: the proxy looks the bean up in the step's scope on
 * every call, once per record. Each step execution (each local partition too, on its own thread) takes
 * its own bean when it opens the reader.
 */
final class StepReader<T> implements ItemStreamReader<T> {

	private final ItemStreamReader<T> scoped;

	private final ThreadLocal<ItemStreamReader<T>> current = new ThreadLocal<>();

	StepReader(ItemStreamReader<T> scoped) {
		this.scoped = scoped;
	}

	@Override
	public void open(ExecutionContext context) throws ItemStreamException {
		ItemStreamReader<T> reader = ImportJobConfiguration.instance(this.scoped);
		this.current.set(reader);
		reader.open(context);
	}

	@Override
	public T read() throws Exception {
		return this.current.get().read();
	}

	@Override
	public void update(ExecutionContext context) throws ItemStreamException {
		this.current.get().update(context);
	}

	/** Spring Batch closes the streams even when opening failed: then there is nothing to close. */
	@Override
	public void close() throws ItemStreamException {
		ItemStreamReader<T> reader = this.current.get();
		this.current.remove();
		if (reader != null) {
			reader.close();
		}
	}

}
