package com.example.couponimporter.partition;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import com.example.couponimporter.ImporterProperties;
import com.example.couponimporter.ImporterProperties.Mode;

/** Matches when the import runs in partitions: {@code importer.partitions} above 1, or manager mode. */
class PartitionedCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Binder binder = Binder.get(context.getEnvironment());
		int partitions = binder.bind("importer.partitions", Integer.class).orElse(1);
		Mode mode = binder.bind("importer.mode", Mode.class).orElse(Mode.STANDALONE);
		return ImporterProperties.isPartitioned(partitions, mode);
	}

}
