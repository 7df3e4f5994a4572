package org.borderid.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
    @TempDir
    Path dir;

    @Test
    void yamlSectionsMergeOverTheDefaults() throws Exception {
        Path file = Files.writeString(dir.resolve("server.yaml"), """
                port: 9443
                limits:
                  rateLimit: 5
                policy:
                  verifyTargetFmr: 1.0e-4
                face:
                  detector: /models/yunet.onnx
                  embedder: mobilefacenet
                  embedderFile: /models/mobilefacenet.onnx
                """);
        ServerConfig c = ServerConfig.read(file);
        assertThat(c.port()).isEqualTo(9443);
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.limits().rateLimit()).isEqualTo(5);
        assertThat(c.limits().maxBodyBytes()).isEqualTo(Limits.DEFAULT.maxBodyBytes());
        assertThat(c.policy().verifyTargetFmr()).isEqualTo(1e-4);
        assertThat(c.policy().identifyDefaultList()).isEqualTo("watchlist");
        assertThat(c.face().embedder()).isEqualTo("mobilefacenet");
        assertThat(c.tls()).isNull();
        assertThat(c.demo()).isFalse();
    }

    @Test
    void unknownKeyIsAnErrorNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("server.yaml"), "limits:\n  rateLimt: 5\n");
        assertThatThrownBy(() -> ServerConfig.read(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("rateLimt").hasMessageContaining("limits");
    }

    @Test
    void demoCannotBeSwitchedOnFromAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("server.yaml"), "demo: true\n");
        assertThatThrownBy(() -> ServerConfig.read(file)).isInstanceOf(ConfigException.class);
    }

    @Test
    void outOfRangeValueIsAnErrorNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("server.json"), "{\"policy\": {\"verifyTargetFmr\": 0.5}}");
        assertThatThrownBy(() -> ServerConfig.read(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("verifyTargetFmr");
    }

    @Test
    void wrongTypeIsAnError() throws Exception {
        Path file = Files.writeString(dir.resolve("server.yaml"), "port: eighty\n");
        assertThatThrownBy(() -> ServerConfig.read(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("port");
    }
}
