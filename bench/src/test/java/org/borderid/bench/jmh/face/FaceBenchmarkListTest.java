package org.borderid.bench.jmh.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The face benchmarks are in JMH's generated list, so {@code benchmarks.jar 'jmh.face'} runs them. */
class FaceBenchmarkListTest {
    @Test
    void everyFaceBenchmarkIsInTheGeneratedList() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/BenchmarkList")) {
            assertThat(in).isNotNull();
            String list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(list).contains("FaceBenchmark", "pipeline", "embedding", "FaceStageBenchmark", "detect",
                    "decode");
        }
    }
}
