package org.borderid.image.engine.wsq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WsqSubbandLayoutTest {
    private static String describe(WsqSubbandLayout.Region r) {
        return r.x() + "," + r.y() + "," + r.width() + "," + r.height();
    }

    @Test
    void subbandsTileTheImageExactlyForEverySize() {
        int[] sizes = {1, 2, 3, 4, 5, 7, 8, 9, 16, 31, 33, 63, 64, 65, 127, 500, 511};
        for (int width : sizes) {
            for (int height : sizes) {
                WsqSubbandLayout layout = WsqSubbandLayout.of(width, height);
                int[] cover = new int[width * height];
                for (int s = 0; s < 64; s++) {
                    WsqSubbandLayout.Region r = layout.subband(s);
                    for (int y = r.y(); y < r.y() + r.height(); y++) {
                        for (int x = r.x(); x < r.x() + r.width(); x++) {
                            cover[y * width + x]++;
                        }
                    }
                }
                for (int i = 0; i < cover.length; i++) {
                    assertThat(cover[i]).as("pixel %d of %dx%d", i, width, height).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void matchesTheNistReferenceTablesForAnEvenAndAnOddImage() {
        // Values from NBIS tree.c (build_w_tree / build_q_tree) for the same sizes.
        WsqSubbandLayout even = WsqSubbandLayout.of(832, 768);
        assertThat(describe(even.subband(0))).isEqualTo("0,0,26,24");
        assertThat(describe(even.subband(3))).isEqualTo("26,24,26,24");
        assertThat(describe(even.subband(51))).isEqualTo("208,192,208,192");
        assertThat(describe(even.subband(59))).isEqualTo("208,576,208,192");

        WsqSubbandLayout odd = WsqSubbandLayout.of(37, 33);
        assertThat(describe(odd.node(4))).isEqualTo("10,0,9,9");
        assertThat(describe(odd.node(5))).isEqualTo("0,9,10,8");
        assertThat(describe(odd.node(6))).isEqualTo("10,0,4,5");
        assertThat(describe(odd.node(19))).isEqualTo("0,0,3,3");
        assertThat(describe(odd.subband(1))).isEqualTo("2,0,1,2");
        assertThat(describe(odd.subband(4))).isEqualTo("3,0,2,3");
        assertThat(describe(odd.subband(19))).isEqualTo("10,0,2,3");
        assertThat(describe(odd.subband(35))).isEqualTo("0,9,3,2");
        assertThat(describe(odd.subband(51))).isEqualTo("10,9,9,8");
        assertThat(describe(odd.subband(52))).isEqualTo("19,0,9,9");
        assertThat(describe(odd.subband(59))).isEqualTo("10,25,9,8");
    }

    @Test
    void invertsQuadrantsRightOfAndBelowASplit() {
        WsqSubbandLayout layout = WsqSubbandLayout.of(100, 100);
        assertThat(layout.node(2).invertX()).isTrue();
        assertThat(layout.node(2).invertY()).isFalse();
        assertThat(layout.node(3).invertY()).isTrue();
        assertThat(layout.node(9).invertX()).isTrue();
        assertThat(layout.node(9).invertY()).isTrue();
        assertThat(layout.node(14).invertX()).isFalse();
    }
}
