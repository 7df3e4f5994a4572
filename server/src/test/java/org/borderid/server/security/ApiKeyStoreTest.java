package org.borderid.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyStoreTest {
    @TempDir
    Path data;

    @Test
    void createdKeyAuthenticatesWithItsRoleAndIsStoredOnlyAsAHash() throws IOException {
        ApiKeyStore store = ApiKeyStore.open(data);
        IssuedKey key = store.create(Role.KIOSK, "gate 3");
        assertThat(key.secret()).startsWith("bidk_" + key.keyId() + "_").hasSize(5 + 12 + 1 + 43);
        assertThat(store.authenticate(key.secret())).contains(new Principal(key.keyId(), Role.KIOSK));
        String file = Files.readString(data.resolve(ApiKeyStore.FILE_NAME));
        assertThat(file).contains(key.keyId()).doesNotContain(key.secret().substring(18));
        assertThat(key.toString()).doesNotContain(key.secret());
        // A second store over the same folder reads it back.
        assertThat(ApiKeyStore.open(data).authenticate(key.secret())).isPresent();
    }

    @Test
    void wrongSecretsAndMalformedKeysAreRefused() {
        ApiKeyStore store = ApiKeyStore.open(data);
        IssuedKey key = store.create(Role.ADMIN, "");
        String s = key.secret();
        char last = s.charAt(s.length() - 1);
        assertThat(store.authenticate(s.substring(0, s.length() - 1) + (last == 'A' ? 'B' : 'A'))).isEmpty();
        assertThat(store.authenticate(s + "x")).isEmpty();
        assertThat(store.authenticate("bidk_zzzzzzzzzzzz_" + s.substring(18))).isEmpty();
        assertThat(store.authenticate("")).isEmpty();
        assertThat(store.authenticate(null)).isEmpty();
        assertThat(store.authenticate(ApiKeyStore.DEMO_ADMIN_KEY)).isEmpty();
    }

    @Test
    void revokedKeyStopsWorking() {
        ApiKeyStore store = ApiKeyStore.open(data);
        IssuedKey key = store.create(Role.AUDITOR, "");
        assertThat(store.revoke(key.keyId())).isTrue();
        assertThat(store.authenticate(key.secret())).isEmpty();
        assertThat(store.revoke(key.keyId())).isFalse();
        assertThat(store.list()).singleElement().satisfies(i -> assertThat(i.active()).isFalse());
    }

    @Test
    void runningStorePicksUpKeysCreatedElsewhere() throws Exception {
        ApiKeyStore server = ApiKeyStore.open(data);
        IssuedKey key = ApiKeyStore.open(data).create(Role.KIOSK, "");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.authenticate(key.secret()).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(server.authenticate(key.secret())).isPresent();
    }

    @Test
    void demoKeysOnlyWhenEnabled() {
        ApiKeyStore store = ApiKeyStore.open(data);
        assertThat(store.authenticate(ApiKeyStore.DEMO_KIOSK_KEY)).isEmpty();
        ApiKeyStore demo = store.withDemoKeys();
        assertThat(demo.authenticate(ApiKeyStore.DEMO_KIOSK_KEY)).map(Principal::role).contains(Role.KIOSK);
        assertThat(demo.authenticate(ApiKeyStore.DEMO_ADMIN_KEY)).map(Principal::role).contains(Role.ADMIN);
        assertThat(demo.authenticate(ApiKeyStore.DEMO_AUDITOR_KEY)).map(Principal::role).contains(Role.AUDITOR);
        assertThat(demo.authenticate("demo-kiosk-keyX")).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void damagedFileIsRefused() throws IOException {
        ApiKeyStore.open(data).create(Role.KIOSK, "");
        Path file = data.resolve(ApiKeyStore.FILE_NAME);
        Files.writeString(file, Files.readString(file).replace("\"kiosk\"", "\"admin\""));
        assertThatThrownBy(() -> ApiKeyStore.open(data)).isInstanceOf(ApiKeyFileException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void newerFormatVersionIsRefused() throws IOException {
        Files.writeString(data.resolve(ApiKeyStore.FILE_NAME),
                "{\"format\":\"borderid-api-keys\",\"version\":2,\"keys\":[],\"sha256\":\"\"}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ApiKeyStore.open(data)).isInstanceOf(ApiKeyFileException.class)
                .hasMessageContaining("newer");
    }

    @Test
    void runningStoreKeepsItsKeysWhenTheFileIsDamagedLater() throws Exception {
        ApiKeyStore server = ApiKeyStore.open(data);
        IssuedKey key = server.create(Role.KIOSK, "");
        Path file = data.resolve(ApiKeyStore.FILE_NAME);
        Files.writeString(file, "garbage");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        Thread.sleep(ApiKeyStore.RELOAD_INTERVAL_MS + 100);
        assertThat(server.authenticate(key.secret())).isPresent();
    }

    @Test
    void labelsAreBounded() {
        ApiKeyStore store = ApiKeyStore.open(data);
        assertThatThrownBy(() -> store.create(Role.KIOSK, "x".repeat(101))).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> store.create(Role.KIOSK, "tab\there")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rateLimiterAllowsBurstThenRefusesWithRetryAfter() {
        RateLimiter limiter = new RateLimiter(1, 3);
        assertThat(limiter.acquire("k")).isZero();
        assertThat(limiter.acquire("k")).isZero();
        assertThat(limiter.acquire("k")).isZero();
        assertThat(limiter.acquire("k")).isEqualTo(1);
        assertThat(limiter.acquire("other")).isZero();
    }
}
