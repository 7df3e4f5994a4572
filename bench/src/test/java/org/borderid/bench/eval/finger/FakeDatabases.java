package org.borderid.bench.eval.finger;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Tiny FVC-layout folders of PNGs whose first two pixels encode finger and impression (for fake systems). */
final class FakeDatabases {
    private FakeDatabases() {}

    static Path create(Path parent, String name, int fingers, int impressions) throws IOException {
        Path folder = Files.createDirectories(parent.resolve(name));
        for (int f = 0; f < fingers; f++) {
            for (int i = 0; i < impressions; i++) {
                BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
                image.getRaster().setSample(0, 0, 0, f);
                image.getRaster().setSample(1, 0, 0, i);
                image.getRaster().setSample(2, 0, 0, name.hashCode() & 0xFF);
                ImageIO.write(image, "png", folder.resolve((101 + f) + "_" + (i + 1) + ".png").toFile());
            }
        }
        return folder;
    }
}
