package com.example.couponimporter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.example.couponimporter.support.ImporterProcess;
import com.example.couponimporter.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher {@code bin/importer} on the JDK 25 it is made for (its {@code java} in JAVA25, as for
 * {@code bench/startup.sh}, else Temurin's on these machines): the JVM takes its options, runs the small sample
 * with C1 alone from the build-time bean definitions, and imports it.
 */
class LauncherIT {

	private static final Path JAVA25 = Path.of(System.getenv().getOrDefault("JAVA25",
			"/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"));

	@RegisterExtension
	static final TestDatabase database = new TestDatabase();

	@Test
	void importsASmallFileWithC1AloneFromTheBuildTimeBeanDefinitions(@TempDir Path work) throws Exception {
		assertThat(JAVA25).as("the java of a JDK 25 or newer for the launcher; set JAVA25").isExecutable();
		Path home = work.resolve("application");
		Path launcher = ImporterProcess.launcherIn(home);
		Files.copy(ImporterProcess.JAR, home.resolve("coupon-series-importer.jar"));
		List<String> command = new ArrayList<>(List.of(launcher.toString()));
		command.addAll(List.of(database.argsWith("--importer.input=" + Path.of("samples/coupon-series.csv").toAbsolutePath(),
				"--spring.main.log-startup-info=true")));

		Path jdk = JAVA25.getParent().getParent();
		int exit = ImporterProcess.runCommand(work,
				Map.of("JAVA_HOME", jdk.toString(), "JAVA_TOOL_OPTIONS", "-XX:+PrintFlagsFinal"), command);

		assertThat(exit).isZero();
		assertThat(ImporterProcess.output(work)).containsPattern("TieredStopAtLevel += 1 ")
			.contains("Starting AOT-processed CouponSeriesImporterApplication")
			.contains("completed: 42 read, 33 created, 0 updated, 0 existing, 9 rejected");
		assertThat(database.seriesRows()).isEqualTo(33);
	}

}
