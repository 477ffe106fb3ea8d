package com.example.couponimporter.partition;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The keys of a partition's execution context: which record range of the input it imports. A context
 * without them is the whole input (a run without partitions).
 */
public final class Partitions {

	/** 0-based, in input order. */
	public static final String INDEX = "partition.index";

	/** Byte offset of the partition's first record. */
	public static final String START = "partition.start";

	/** Line number of the partition's first record. */
	public static final String START_LINE = "partition.startLine";

	/** Byte offset just after the partition's last record; absent for the last partition. */
	public static final String END = "partition.end";

	private Partitions() {
	}

	public static boolean isPartition(ExecutionContext context) {
		return context.containsKey(INDEX);
	}

	/** The lock a worker holds while it runs a partition (see {@code InstanceLock}). */
	public static String lockOf(long stepExecutionId) {
		return "partition|" + stepExecutionId;
	}

}
