package com.example.couponimporter.plan;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** A plan ({@code importer.plan=true}) reads the database it plans for through {@link PlanDatabase}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "importer.plan", havingValue = "true")
class PlanConfiguration {

	@Bean
	PlanDatabase planDatabase(Environment environment) {
		return new PlanDatabase(environment);
	}

}
