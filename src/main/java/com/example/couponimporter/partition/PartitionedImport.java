package com.example.couponimporter.partition;

import org.springframework.batch.core.step.Step;

/**
 * The steps of a partitioned import: the manager step that splits the input and has the partitions run
 * (on local threads, or by workers over RabbitMQ), and the step that merges their reports.
 */
public record PartitionedImport(Step managerStep, Step mergeReportsStep) {
}
