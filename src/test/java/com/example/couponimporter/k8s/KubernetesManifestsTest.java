package com.example.couponimporter.k8s;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests under {@code k8s/} load into typed Kubernetes objects without unknown fields, and say what
 * SPEC §10 and the README say: a CronJob that runs one import at a time, fails without retry on exit codes
 * 2, 3 and 4 and retries on 1, runs hardened and sized to the JVM, and takes credentials from the Secret only.
 */
class KubernetesManifestsTest {

	private static final Path K8S = Path.of("k8s");

	private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

	private static final String SECRET = "coupon-series-importer-credentials";

	@Test
	void everyManifestIsATypedKubernetesObjectWithoutUnknownFields() throws IOException {
		List<Path> manifests = manifests();
		assertThat(manifests).contains(K8S.resolve("base/cronjob.yaml"), K8S.resolve("migration/job.yaml"),
				K8S.resolve("examples/secret.yaml"));
		for (Path manifest : manifests) {
			HasMetadata resource = load(manifest, HasMetadata.class);
			assertThat(resource.getMetadata().getName()).as(manifest.toString()).isNotBlank();
			assertThat(unknownFields(resource, new IdentityHashMap<>())).as("unknown fields in " + manifest).isEmpty();
		}
	}

	@Test
	void eachKustomizationListsItsManifestsAndNothingElse() throws IOException {
		for (Path kustomization : List.of(K8S.resolve("base/kustomization.yaml"),
				K8S.resolve("migration/kustomization.yaml"), K8S.resolve("scale-out/kustomization.yaml"))) {
			Map<String, Object> yaml = new Yaml().load(Files.readString(kustomization));
			@SuppressWarnings("unchecked")
			List<String> resources = (List<String>) yaml.get("resources");
			try (Stream<Path> files = Files.list(kustomization.getParent())) {
				assertThat(resources).as(kustomization.toString())
					.containsExactlyInAnyOrderElementsOf(files.map(f -> f.getFileName().toString())
						.filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
						.toList());
			}
		}
	}

	@Test
	void theCronJobRunsOneImportAtATimeAndRetriesOnlyWhatARetryCanFix() throws IOException {
		CronJob cronJob = load(K8S.resolve("base/cronjob.yaml"), CronJob.class);

		assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
		JobSpec job = cronJob.getSpec().getJobTemplate().getSpec();
		assertRetriesOnlyExitCode1(job);
		PodSpec pod = job.getTemplate().getSpec();
		assertHardenedImporter(pod);
		assertThat(importer(pod).getArgs()).contains("--importer.inbox=/work/inbox");
	}

	@Test
	void theMigrationJobIsHardenedAndRetriedLikeTheCronJob() throws IOException {
		Job job = load(K8S.resolve("migration/job.yaml"), Job.class);

		assertRetriesOnlyExitCode1(job.getSpec());
		assertHardenedImporter(job.getSpec().getTemplate().getSpec());
		assertThat(importer(job.getSpec().getTemplate().getSpec()).getArgs())
			.anyMatch(arg -> arg.startsWith("--importer.input=/work/"));
	}

	@Test
	void workersAndTheirManagerShareTheConfigurationAndAreHardenedLikeTheJobs() throws IOException {
		Deployment workers = load(K8S.resolve("scale-out/worker-deployment.yaml"), Deployment.class);
		Job manager = load(K8S.resolve("scale-out/manager-job.yaml"), Job.class);

		PodSpec worker = workers.getSpec().getTemplate().getSpec();
		assertHardenedImporter(worker);
		assertThat(importer(worker).getArgs()).containsExactly("--importer.mode=worker");
		assertThat(workers.getSpec().getSelector().getMatchLabels())
			.isEqualTo(workers.getSpec().getTemplate().getMetadata().getLabels());
		assertRetriesOnlyExitCode1(manager.getSpec());
		PodSpec managerPod = manager.getSpec().getTemplate().getSpec();
		assertHardenedImporter(managerPod);
		assertThat(importer(managerPod).getArgs()).contains("--importer.mode=manager")
			.anyMatch(arg -> arg.startsWith("--importer.partitions="));
		for (PodSpec pod : List.of(worker, managerPod)) {
			assertThat(importer(pod).getEnvFrom()).extracting(source -> source.getConfigMapRef().getName())
				.containsExactly("coupon-series-importer");
			assertThat(secretKeys(importer(pod))).contains(Map.entry("SPRING_RABBITMQ_PASSWORD", "rabbitmq-password"),
					Map.entry("SPRING_DATASOURCE_PASSWORD", "database-password"));
			assertThat(load(K8S.resolve("examples/secret.yaml"), Secret.class).getStringData())
				.containsKeys(secretKeys(importer(pod)).values().toArray(String[]::new));
		}
	}

	@Test
	void credentialsComeFromTheSecretAndNeverFromTheConfigMap() throws IOException {
		ConfigMap config = load(K8S.resolve("base/configmap.yaml"), ConfigMap.class);
		Secret secret = load(K8S.resolve("examples/secret.yaml"), Secret.class);
		Container importer = importer(load(K8S.resolve("base/cronjob.yaml"), CronJob.class).getSpec()
			.getJobTemplate().getSpec().getTemplate().getSpec());

		assertThat(config.getData().keySet()).noneMatch(key -> key.matches("(?i).*(PASSWORD|SECRET|TOKEN|USERNAME|OAUTH_KEY).*"));
		assertThat(config.getData().values()).noneMatch(value -> value.matches("(?i).*(password|://[^/]*@).*"));
		assertThat(importer.getEnvFrom()).singleElement()
			.satisfies(source -> assertThat(source.getConfigMapRef().getName()).isEqualTo(config.getMetadata().getName()));
		Map<String, EnvVar> env = importer.getEnv().stream().collect(java.util.stream.Collectors.toMap(EnvVar::getName, e -> e));
		for (String name : List.of("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "IMPORTER_API_OAUTH_KEY",
				"IMPORTER_API_OAUTH_SECRET")) {
			var ref = env.get(name).getValueFrom().getSecretKeyRef();
			assertThat(ref.getName()).as(name).isEqualTo(SECRET);
			assertThat(secret.getStringData()).as(name).containsKey(ref.getKey());
		}
		assertThat(secret.getMetadata().getName()).isEqualTo(SECRET);
	}

	@Test
	void theVolumeForInboxAndReportsIsSharedByEveryPod() throws IOException {
		PersistentVolumeClaim claim = load(K8S.resolve("base/pvc.yaml"), PersistentVolumeClaim.class);

		assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteMany");
		for (PodSpec pod : List.of(
				load(K8S.resolve("base/cronjob.yaml"), CronJob.class).getSpec().getJobTemplate().getSpec().getTemplate().getSpec(),
				load(K8S.resolve("migration/job.yaml"), Job.class).getSpec().getTemplate().getSpec(),
				load(K8S.resolve("scale-out/worker-deployment.yaml"), Deployment.class).getSpec().getTemplate().getSpec(),
				load(K8S.resolve("scale-out/manager-job.yaml"), Job.class).getSpec().getTemplate().getSpec())) {
			assertThat(pod.getVolumes()).extracting(Volume::getPersistentVolumeClaim)
				.anySatisfy(pvc -> assertThat(pvc.getClaimName()).isEqualTo(claim.getMetadata().getName()));
		}
	}

	private static void assertRetriesOnlyExitCode1(JobSpec job) {
		assertThat(job.getBackoffLimit()).isPositive();
		List<PodFailurePolicyRule> rules = job.getPodFailurePolicy().getRules();
		assertThat(rules).filteredOn(rule -> rule.getOnExitCodes() != null)
			.extracting(rule -> rule.getAction() + " " + rule.getOnExitCodes().getContainerName() + " "
					+ rule.getOnExitCodes().getOperator() + " " + rule.getOnExitCodes().getValues())
			.containsExactly("FailJob importer In [2, 3, 4]", "Count importer In [1]");
		assertThat(job.getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
	}

	/** Non-root, read-only root filesystem with writable volumes for work and temp, sized limits, heap by percentage. */
	private static void assertHardenedImporter(PodSpec pod) {
		assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
		Container importer = importer(pod);
		assertThat(importer.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
		assertThat(importer.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
		assertThat(importer.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
		assertThat(importer.getVolumeMounts()).extracting(m -> m.getMountPath() + (Boolean.TRUE.equals(m.getReadOnly()) ? " ro" : ""))
			.contains("/work", "/tmp");
		Quantity limit = importer.getResources().getLimits().get("memory");
		assertThat(limit).isNotNull();
		assertThat(importer.getResources().getRequests().get("memory")).isEqualTo(limit);
		String javaOptions = importer.getEnv().stream().filter(e -> e.getName().equals("JAVA_TOOL_OPTIONS"))
			.findFirst().orElseThrow().getValue();
		assertThat(javaOptions).containsPattern("-XX:MaxRAMPercentage=(\\d+)");
		int percent = Integer.parseInt(javaOptions.replaceAll(".*-XX:MaxRAMPercentage=(\\d+).*", "$1"));
		long heap = Quantity.getAmountInBytes(limit).longValue() * percent / 100;
		assertThat(heap).as("heap, leaving about 250 MiB for metaspace, code cache and buffers")
			.isBetween(256L << 20, Quantity.getAmountInBytes(limit).longValue() - (250L << 20));
	}

	/** Environment variables taken from the Secret, with their keys in it. */
	private static Map<String, String> secretKeys(Container container) {
		return container.getEnv().stream()
			.filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
			.peek(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo(SECRET))
			.collect(java.util.stream.Collectors.toMap(EnvVar::getName, e -> e.getValueFrom().getSecretKeyRef().getKey()));
	}

	private static Container importer(PodSpec pod) {
		return pod.getContainers().stream().filter(c -> c.getName().equals("importer")).findFirst().orElseThrow();
	}

	private static <T> T load(Path manifest, Class<T> type) throws IOException {
		return SERIALIZATION.unmarshal(Files.readString(manifest), type);
	}

	private static List<Path> manifests() throws IOException {
		try (Stream<Path> files = Files.walk(K8S)) {
			return files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).sorted().toList();
		}
	}

	/** Fields the typed model did not know (typos, wrong nesting), found anywhere in the object. */
	private static List<String> unknownFields(Object object, Map<Object, Boolean> seen) {
		if (object == null || seen.put(object, true) != null) {
			return List.of();
		}
		if (object instanceof Collection<?> items) {
			return items.stream().flatMap(item -> unknownFields(item, seen).stream()).toList();
		}
		if (!object.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
			return List.of();
		}
		List<String> unknown = new java.util.ArrayList<>();
		for (Method getter : object.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
				continue;
			}
			try {
				Object value = getter.invoke(object);
				if (getter.getName().equals("getAdditionalProperties")) {
					((Map<?, ?>) value).keySet().forEach(key -> unknown.add(object.getClass().getSimpleName() + "." + key));
				}
				else if (!(value instanceof Map<?, ?>)) {
					unknown.addAll(unknownFields(value, seen));
				}
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return unknown;
	}

}
