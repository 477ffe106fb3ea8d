package com.example.couponimporter;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The settings that decide which beans exist, so that the build-time (AOT) processing of the jar fixes them: the
 * conditions of Spring Boot's auto-configurations on properties, and the profiles. At build time their values
 * are kept in {@link #RESOURCE}; {@link AotStartCheck} compares a run's values with them. The importer's own
 * options decide nothing here: targets, plans and partitions are chosen when the job runs.
 */
public class AotBuildSettings implements BeanFactoryInitializationAotProcessor {

	/** Where the jar keeps the values the build saw. */
	static final String RESOURCE = "META-INF/coupon-series-importer/aot-build-settings.properties";

	/** Every property a condition of the context reads (AotBuildSettingsTest checks the list against a run). */
	static final List<String> NAMES = List.of("spring.profiles.active", "spring.profiles.include",
			"spring.autoconfigure.exclude", "spring.aop.auto", "spring.aop.proxy-target-class",
			"spring.application.admin.enabled", "spring.batch.job.enabled", "spring.batch.jdbc.initialize-schema",
			"spring.datasource.jndi-name", "spring.datasource.type", "spring.flyway.enabled", "spring.jmx.enabled",
			"spring.task.execution.mode", "spring.threads.virtual.enabled",
			"management.defaults.metrics.export.enabled", "management.prometheus.metrics.export.enabled",
			"management.prometheus.metrics.export.pushgateway.enabled");

	@Override
	public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
		Map<String, String> values = of(beanFactory.getBean(Environment.class));
		StringBuilder file = new StringBuilder("# the settings the build-time processing of this jar saw\n");
		values.forEach((name, value) -> file.append(name).append('=').append(value).append('\n'));
		return (generationContext, code) -> generationContext.getGeneratedFiles().addResourceFile(RESOURCE, file);
	}

	/** The values of {@link #NAMES} that are set, lists joined with commas whichever way they were given. */
	static Map<String, String> of(Environment environment) {
		Binder binder = Binder.get(environment);
		TreeMap<String, String> values = new TreeMap<>();
		for (String name : NAMES) {
			binder.bind(name, String[].class).ifBound((value) -> values.put(name, String.join(",", value)));
		}
		return values;
	}

	/** The values the build saw, or null when this jar was not processed ahead of time. */
	static @Nullable Map<String, String> recorded(ClassLoader classLoader) {
		try (InputStream in = classLoader.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				return null;
			}
			Properties properties = new Properties();
			properties.load(in);
			Map<String, String> values = new TreeMap<>();
			properties.stringPropertyNames().forEach((name) -> values.put(name, properties.getProperty(name)));
			return values;
		}
		catch (IOException ex) {
			return null;
		}
	}

}
