package com.example.couponimporter;

import java.util.Map;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Lets a run with {@code -Dspring.aot.enabled=true} start from the bean definitions generated at build time only
 * when the settings that chose them ({@link AotBuildSettings}) are the same now; otherwise this run starts the
 * ordinary way, evaluating the conditions again (about half a second more), instead of silently ignoring a
 * setting. Runs after every other environment post-processor, when the settings are final.
 */
public class AotStartCheck implements EnvironmentPostProcessor, Ordered {

	private final Log logger;

	public AotStartCheck(DeferredLogFactory logs) {
		this.logger = logs.getLog(AotStartCheck.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!AotDetector.useGeneratedArtifacts()) {
			return;
		}
		Map<String, String> built = AotBuildSettings.recorded(application.getClassLoader());
		String difference = (built != null) ? difference(built, AotBuildSettings.of(environment))
				: "this jar was built without them";
		if (difference != null) {
			// read by Spring wherever it chooses between the generated and the ordinary start, all after this
			System.setProperty(AotDetector.AOT_ENABLED, "false");
			this.logger.info("Starting without the build-time (AOT) bean definitions: " + difference
					+ "; start-up takes about half a second longer.");
		}
	}

	private static @Nullable String difference(Map<String, String> built, Map<String, String> now) {
		for (String name : AotBuildSettings.NAMES) {
			if (!Objects.equals(built.get(name), now.get(name))) {
				return name + " is " + shown(now.get(name)) + ", the build's " + shown(built.get(name));
			}
		}
		return null;
	}

	private static String shown(@Nullable String value) {
		return (value != null) ? "'" + value + "'" : "not set";
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
