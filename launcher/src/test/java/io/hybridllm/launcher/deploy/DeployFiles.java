package io.hybridllm.launcher.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import io.hybridllm.launcher.system.Service;

/** The repository's deploy artifacts, read as the tools that use them would read them. */
final class DeployFiles {

    private static final Path ROOT = findRoot();

    /** The repository root: tests run in the launcher module, the failsafe ones with {@code hybrid.home} set. */
    private static Path findRoot() {
        Path dir = Path.of(System.getProperty("hybrid.home", "")).toAbsolutePath().normalize();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path root() {
        return ROOT;
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        return read(path(relative));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a YAML file, as maps and lists; merge keys ({@code <<}) are resolved as Compose does. */
    static List<Object> yamlDocuments(Path file) {
        List<Object> documents = new ArrayList<>();
        new Yaml(new LoaderOptions()).loadAll(read(file)).forEach(document -> {
            if (document != null) {
                documents.add(document);
            }
        });
        return documents;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String relative) {
        return (Map<String, Object>) yamlDocuments(path(relative)).getFirst();
    }

    /** The files under a folder whose names end with one of the suffixes, in a stable order. */
    static List<Path> files(String folder, String... suffixes) {
        try (Stream<Path> walk = Files.walk(path(folder))) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> Stream.of(suffixes).anyMatch(file.getFileName().toString()::endsWith)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A service's own {@code application.properties}: the wiring the deploy artifacts must agree with. */
    static Properties applicationProperties(Service service) {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(path(service.module() + "/src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** {@code hybrid.worker.drain-timeout} of a worker, in seconds. */
    static long drainTimeoutSeconds(Service worker) {
        String value = applicationProperties(worker).getProperty("hybrid.worker.drain-timeout");
        return java.time.Duration.parse("PT" + value.toUpperCase()).toSeconds();
    }

    private DeployFiles() {
    }
}
