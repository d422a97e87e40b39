package com.talentpipeline.detection.maskcut;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PixelMaskTest {

    /** 3 wide, 2 high; set: (1,0) and (1,1) and (2,1). Column-major: col0 00, col1 11, col2 01. */
    private final PixelMask mask = new PixelMask(3, 2, new boolean[] {false, true, false, false, true, true});

    @Test
    void rleIsColumnMajorAndStartsWithZeros() {
        assertThat(mask.rleCounts()).containsExactly(2L, 2L, 1L, 1L);
        assertThat(new PixelMask(2, 1, new boolean[] {true, true}).rleCounts()).containsExactly(0L, 2L);
    }

    @Test
    void rleRoundTrips() {
        PixelMask back = PixelMask.fromRle(3, 2, mask.rleCounts());
        assertThat(back.pixels()).containsExactly(mask.pixels());
    }

    @Test
    void bboxAreaAndIou() {
        assertThat(mask.bbox()).containsExactly(1, 0, 2, 2);
        assertThat(mask.area()).isEqualTo(3);
        PixelMask other = new PixelMask(3, 2, new boolean[] {false, true, false, false, false, false});
        assertThat(mask.iou(other)).isEqualTo(1.0 / 3);
        assertThat(PixelMask.fromRle(3, 2, List.of(6)).bbox()).containsExactly(0, 0, 0, 0);
    }

    @Test
    void componentKeepsOnlyTheSeedsRegion() {
        boolean[] grid = {true, false, true, true, false, true, false, false, false};
        boolean[] cc = MaskCut.component(grid, 0, 3, 3);
        assertThat(cc).containsExactly(true, false, false, true, false, false, false, false, false);
    }

    @Test
    void bipartitionFlipsWhenTheForegroundHoldsThreeCorners() {
        // A 2x3 grid: the extreme (index 4) is below the mean, so the low side is foreground; it holds
        // corners 0 and 2 and 3 and 5? Low side = {0, 2, 3, 4, 5}: 4 corners -> flipped to {1}.
        double[] x = {-1, 2, -1, -1, -3, -1};
        boolean[] side = MaskCut.bipartition(x, new int[] {0, 1, 2, 3, 4, 5}, 2, 3);
        assertThat(side).containsExactly(false, true, false, false, false, false);
        // Without corners in the low side the extreme's side stays foreground.
        double[] y = {1, 1, 1, 1, -5, 1};
        assertThat(MaskCut.bipartition(y, new int[] {0, 1, 2, 3, 4, 5}, 2, 3))
                .containsExactly(false, false, false, false, true, false);
    }
}
