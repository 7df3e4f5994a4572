package org.borderid.bench.jmh.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalleryCacheTest {
    @TempDir
    Path root;

    private final PrintStream log = new PrintStream(new ByteArrayOutputStream());
    private final AtomicInteger builds = new AtomicInteger();

    private GalleryCache.Builder writing(String content) {
        return folder -> {
            builds.incrementAndGet();
            Files.writeString(folder.resolve("data"), content);
        };
    }

    @Test
    void buildsOnceAndReusesTheCachedCopy() throws Exception {
        GalleryCache cache = new GalleryCache(root);
        GalleryCache.Key key = new GalleryCache.Key("fingers", 10_000, 42, "synth v1");

        Path first = cache.obtain(key, writing("a"), log);
        Path second = new GalleryCache(root).obtain(key, writing("b"), log);

        assertThat(builds).hasValue(1);
        assertThat(second).isEqualTo(first).isEqualTo(root.resolve("fingers-10000-42"));
        assertThat(Files.readString(second.resolve("data"))).isEqualTo("a");
        assertThat(cache.isCurrent(key)).isTrue();
    }

    @Test
    void aChangedRecipeOrAnInterruptedBuildIsRebuilt() throws Exception {
        GalleryCache cache = new GalleryCache(root);
        GalleryCache.Key v1 = new GalleryCache.Key("faces", 100, 1, "synth v1");
        GalleryCache.Key v2 = new GalleryCache.Key("faces", 100, 1, "synth v2");
        Path folder = cache.obtain(v1, writing("v1"), log);

        assertThat(cache.isCurrent(v2)).isFalse();
        cache.obtain(v2, writing("v2"), log);
        assertThat(Files.readString(folder.resolve("data"))).isEqualTo("v2");

        Files.delete(folder.resolve(GalleryCache.MANIFEST)); // as if the build had been killed before the end
        cache.obtain(v2, writing("again"), log);
        assertThat(Files.readString(folder.resolve("data"))).isEqualTo("again");
        assertThat(builds).hasValue(3);
    }

    @Test
    void aFailedBuildLeavesNothingBehind() {
        GalleryCache cache = new GalleryCache(root);
        GalleryCache.Key key = new GalleryCache.Key("fingers", 5, 7, "r");

        assertThatThrownBy(() -> cache.obtain(key, folder -> {
            Files.writeString(folder.resolve("partial"), "x");
            throw new IOException("disk full");
        }, log)).hasMessage("disk full");

        assertThat(cache.isCurrent(key)).isFalse();
        assertThat(root.resolve("fingers-5-7")).doesNotExist();
        assertThat(root.resolve("fingers-5-7.building")).doesNotExist();
    }

    @Test
    void refusesKeysThatWouldMakeOddFolderNames() {
        assertThatThrownBy(() -> new GalleryCache.Key("../x", 1, 1, "r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GalleryCache.Key("faces", 0, 1, "r")).isInstanceOf(IllegalArgumentException.class);
    }
}
