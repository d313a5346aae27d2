package io.hybridllm.launcher.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * terraform is not installable here, so the module is checked for internal consistency by reading it: variables
 * declared and used, resources referred to exist, the root module passes only what the module declares, the example
 * tfvars sets only root variables, and the GPU nodes carry the label and taint the local pools expect. The syntax was
 * checked with an HCL2 parser by hand.
 */
class TerraformTest {

    private static final String MODULE = "terraform/modules/hybrid-llm-aws";
    private static final String ROOT = "terraform/aws";

    @Test
    void everyVariableTheModuleUsesIsDeclaredAndEveryDeclaredOneIsUsed() {
        String module = tf(MODULE);
        assertThat(find(module, "var\\.([a-z0-9_]+)")).isEqualTo(find(module, "(?m)^variable \"([a-z0-9_]+)\""));
        String root = tf(ROOT);
        assertThat(find(root, "var\\.([a-z0-9_]+)")).isEqualTo(find(root, "(?m)^variable \"([a-z0-9_]+)\""));
    }

    @Test
    void everyResourceAndDataSourceReferredToIsDeclared() {
        String module = tf(MODULE);
        Set<String> resources = find(module, "(?m)^resource \"([a-z0-9_]+\" \"[a-z0-9_]+)\"");
        Set<String> referenced = find(module, "(?<![.\\w\"])(aws_[a-z0-9_]+\\.[a-z0-9_]+)\\b");
        for (String reference : referenced) {
            assertThat(resources).as(reference).contains(reference.replace(".", "\" \""));
        }
        Set<String> data = find(module, "(?m)^data \"([a-z0-9_]+\" \"[a-z0-9_]+)\"");
        for (String reference : find(module, "data\\.([a-z0-9_]+\\.[a-z0-9_]+)")) {
            assertThat(data).as(reference).contains(reference.replace(".", "\" \""));
        }
        Set<String> locals = find(module, "(?m)^  ([a-z0-9_]+) += ", "locals \\{(.*?)\\n\\}");
        assertThat(locals).containsAll(find(module, "(?<![\\w-])local\\.([a-z0-9_]+)"));
    }

    @Test
    void theRootPassesOnlyModuleVariablesAndItsOutputsExist() {
        String root = tf(ROOT);
        Matcher call = Pattern.compile("(?s)module \"hybrid_llm\" \\{(.*?)\\n\\}").matcher(root);
        assertThat(call.find()).isTrue();
        Set<String> passed = find(call.group(1), "(?m)^  ([a-z0-9_]+) += ");
        passed.remove("source");
        assertThat(find(tf(MODULE), "(?m)^variable \"([a-z0-9_]+)\"")).containsAll(passed).contains("name");
        Set<String> moduleOutputs = find(tf(MODULE), "(?m)^output \"([a-z0-9_]+)\"");
        assertThat(moduleOutputs).containsAll(find(root, "module\\.hybrid_llm\\.([a-z0-9_]+)"));
    }

    @Test
    void theExampleTfvarsSetsOnlyRootVariablesAndEveryRequiredOne() {
        String root = tf(ROOT);
        Set<String> declared = find(root, "(?m)^variable \"([a-z0-9_]+)\"");
        Set<String> set = find(DeployFiles.read(ROOT + "/example.tfvars"), "(?m)^([a-z0-9_]+) += ");
        assertThat(declared).containsAll(set);
        Set<String> required = new TreeSet<>(declared);
        required.removeAll(find(root, "(?s)variable \"([a-z0-9_]+)\" \\{[^}]*?default"));
        assertThat(set).containsAll(required);
    }

    @Test
    void gpuNodesCarryTheLabelAndTaintTheLocalPoolsExpect() {
        String eks = DeployFiles.read(MODULE + "/eks.tf");
        Matcher gpu = Pattern.compile("(?s)resource \"aws_eks_node_group\" \"gpu\" \\{(.*?)\\n\\}").matcher(eks);
        assertThat(gpu.find()).isTrue();
        assertThat(gpu.group(1)).contains("\"hybrid-llm.io/pool\" = \"gpu\"", "key    = \"nvidia.com/gpu\"",
                "effect = \"NO_SCHEDULE\"", "AL2023_x86_64_NVIDIA");
        String pools = DeployFiles.read("deploy/kubernetes/base/worker-local.yaml");
        assertThat(pools).contains("hybrid-llm.io/pool: gpu", "key: nvidia.com/gpu");
        assertThat(DeployFiles.read("deploy/kubernetes/overlays/prod/database.env")).contains("db_address");
        assertThat(tf(ROOT)).contains("output \"db_address\"");
    }

    @Test
    void bracesAreBalancedInEveryFile() {
        for (Path file : DeployFiles.files("terraform", ".tf", ".tfvars")) {
            String text = DeployFiles.read(file).replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("(?m)#.*$",
                    "");
            assertThat(count(text, '{')).as(file.toString()).isEqualTo(count(text, '}'));
            assertThat(count(text, '[')).as(file.toString()).isEqualTo(count(text, ']'));
        }
    }

    private static String tf(String folder) {
        StringBuilder all = new StringBuilder();
        for (Path file : DeployFiles.files(folder, ".tf")) {
            all.append(DeployFiles.read(file)).append('\n');
        }
        return all.toString();
    }

    private static Set<String> find(String text, String regex) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** Matches of {@code regex} inside the first match of {@code within}'s group 1. */
    private static Set<String> find(String text, String regex, String within) {
        Matcher outer = Pattern.compile(within, Pattern.DOTALL).matcher(text);
        return outer.find() ? find(outer.group(1), regex) : Set.of();
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
