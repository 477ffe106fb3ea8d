package com.example.couponimporter.report;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.example.couponimporter.series.ErrorCode;
import com.example.couponimporter.series.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Reject counts by field survive a restart (the step's context) and stay bounded whatever keys a file holds. */
class OutcomeCountsTest {

	@Test
	void fieldCountsAreSavedRestoredAndCappedAtMaxFieldsNames() {
		OutcomeCounts counts = new OutcomeCounts();
		counts.addReject(List.of(ErrorCode.REQUIRED), List.of("description", "smsTemplate"));
		for (int i = 0; i < OutcomeCounts.MAX_FIELDS + 50; i++) {
			counts.addReject(List.of(ErrorCode.UNKNOWN_FIELD), List.of("key" + i));
		}
		counts.addReject(List.of(ErrorCode.INVALID_VALUE), List.of("description"));
		ExecutionContext context = new ExecutionContext();
		counts.saveTo(context);

		OutcomeCounts restored = OutcomeCounts.from(context);
		OutcomeCounts both = new OutcomeCounts();
		both.addAll(restored);
		both.addAll(restored);

		assertThat(restored.get(Outcome.REJECTED)).isEqualTo(OutcomeCounts.MAX_FIELDS + 52);
		assertThat(restored.rejectsByField()).hasSize(OutcomeCounts.MAX_FIELDS + 1)
			.contains(entry("description", 2L), entry("smsTemplate", 1L), entry("key0", 1L),
					entry(OutcomeCounts.OTHER_FIELDS, 52L))
			.doesNotContainKey("key" + (OutcomeCounts.MAX_FIELDS + 10));
		assertThat(both.rejectsByField()).hasSize(OutcomeCounts.MAX_FIELDS + 1)
			.contains(entry("description", 4L), entry(OutcomeCounts.OTHER_FIELDS, 104L));
	}

}
