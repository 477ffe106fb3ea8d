package com.example.couponimporter.write.db;

/**
 * Where stored rows came from: the input as given and the job execution that wrote them. Each row also
 * keeps its input line and the time of the import.
 */
public record ImportLineage(String importFile, long jobExecutionId) {
}
