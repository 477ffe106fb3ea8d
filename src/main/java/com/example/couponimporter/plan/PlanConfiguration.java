package com.example.couponimporter.plan;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/** A plan ({@code importer.plan=true}) reads the database it plans for through {@link PlanDatabase}, made when first asked for. */
@Configuration(proxyBeanMethods = false)
class PlanConfiguration {

	@Bean
	@Lazy
	PlanDatabase planDatabase(Environment environment) {
		return new PlanDatabase(environment);
	}

}
