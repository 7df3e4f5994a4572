package org.borderid.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.borderid.server.OpenApiContract;
import org.borderid.testing.SharedData;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final OpenApiContract contract = OpenApiContract.get();

    @Test
    void everyReferenceResolves() {
        List<String> broken = new ArrayList<>();
        collectRefs(contract.document(), broken);
        assertThat(broken).isEmpty();
    }

    @Test
    void jarCopyIsTheDocsFile() throws Exception {
        Path docs = SharedData.repositoryRoot().resolve("docs/openapi.yaml");
        try (var in = getClass().getClassLoader().getResourceAsStream(OpenApiContract.RESOURCE)) {
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(docs));
        }
    }

    @Test
    void schemasRejectWhatTheServerRejects() throws Exception {
        assertThat(contract.violations("VerifyRequest", JSON.readTree("""
                {"subjectId": "a", "face": "AAAA"}"""))).isEmpty();
        assertThat(contract.violations("VerifyRequest", JSON.readTree("""
                {"subjectId": "a", "face": "AAAA", "colour": "blue"}"""))).isNotEmpty();
        assertThat(contract.violations("VerifyRequest", JSON.readTree("""
                {"face": "AAAA"}"""))).isNotEmpty();
        assertThat(contract.violations("VerifyRequest", JSON.readTree("""
                {"subjectId": 7, "face": "AAAA"}"""))).isNotEmpty();
        assertThat(contract.violations("Finger", JSON.readTree("""
                {"position": "RIGHT_INDEX", "image": "AAAA", "template": "AAAA"}"""))).isNotEmpty();
        assertThat(contract.violations("Finger", JSON.readTree("""
                {"position": "RIGHT_PINKY", "image": "AAAA"}"""))).isNotEmpty();
        assertThat(contract.violations("VerifyResult", JSON.readTree("{}"))).isNotEmpty();
        assertThat(contract.violations("Problem", JSON.readTree("""
                {"type": "/problems/not-found", "title": "Not found", "status": 404}"""))).isEmpty();
        assertThat(contract.violations("Problem", JSON.readTree("""
                {"type": "/problems/made-up", "title": "x", "status": 404}"""))).isNotEmpty();
    }

    private void collectRefs(JsonNode node, List<String> broken) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && (!ref.asText().startsWith("#/") || contract.document().at(ref.asText().substring(1))
                    .isMissingNode())) {
                broken.add(ref.asText());
            }
            node.elements().forEachRemaining(n -> collectRefs(n, broken));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(n -> collectRefs(n, broken));
        }
    }
}
