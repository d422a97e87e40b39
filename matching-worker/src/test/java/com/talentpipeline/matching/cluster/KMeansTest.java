package com.talentpipeline.matching.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.job.ExperienceLevel;
import com.talentpipeline.core.match.JobClusters;
import com.talentpipeline.core.job.JobEmbeddings;
import com.talentpipeline.core.job.JobStatus;
import com.talentpipeline.matching.compare.JobProfile;
import com.talentpipeline.matching.config.MatchingProperties;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** K-means on separable data, and the silhouette choosing the true number of groups. */
class KMeansTest {

    /** {@code groups} well-separated Gaussian blobs of {@code perGroup} points in 8 dimensions. */
    static float[][] blobs(int groups, int perGroup, long seed) {
        Random r = new Random(seed);
        float[][] points = new float[groups * perGroup][8];
        for (int g = 0; g < groups; g++) {
            for (int i = 0; i < perGroup; i++) {
                for (int d = 0; d < 8; d++) {
                    points[g * perGroup + i][d] = (float) ((d == g ? 10 : 0) + r.nextGaussian() * 0.5);
                }
            }
        }
        return points;
    }

    @Test
    void recoversSeparableGroupsExactly() {
        float[][] points = blobs(4, 50, 11);
        KMeans.Result result = KMeans.fit(points, 4, 100, 42);
        for (int g = 0; g < 4; g++) {
            Set<Integer> labels = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                labels.add(result.assignments()[g * 50 + i]);
            }
            assertThat(labels).as("group %d in one cluster", g).hasSize(1);
        }
        assertThat(new HashSet<>(java.util.Arrays.stream(result.assignments()).boxed().toList())).hasSize(4);
        assertThat(Silhouette.mean(points, result.assignments(), 4)).isGreaterThan(0.8);
    }

    @Test
    void silhouettePicksTheTrueNumberOfGroups() {
        for (int groups : new int[] {3, 5}) {
            float[][] points = blobs(groups, 30, groups);
            List<JobProfile> jobs = new ArrayList<>();
            for (int i = 0; i < points.length; i++) {
                var facts = new JobEmbeddings.Facts("Role " + (i / 30), "Co", "Berlin", ExperienceLevel.MID, JobStatus.ACTIVE, false);
                jobs.add(new JobProfile("j" + i, "t", 1, "h", facts, List.of("skill" + (i / 30)), Map.of(), points[i]));
            }
            var clustering = new JobClusterer(MatchingProperties.defaults().clusters()).cluster(jobs, null);
            assertThat(clustering.k()).isEqualTo(groups);
            assertThat(clustering.chosenBy()).isEqualTo("silhouette");
            assertThat(clustering.tried()).containsKeys(2, 10);
            assertThat(clustering.clusters()).allSatisfy(c -> {
                assertThat(c.size()).isEqualTo(30);
                assertThat(c.representatives()).hasSize(3);
                assertThat(c.topTerms()).isNotEmpty();
            });
            // Top terms are specific: each cluster's first term is its own skill.
            assertThat(clustering.clusters()).extracting(c -> c.topTerms().get(0)).doesNotHaveDuplicates();
        }
    }

    @Test
    void aRequestedKIsHonoured() {
        float[][] points = blobs(3, 20, 5);
        List<JobProfile> jobs = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            var facts = new JobEmbeddings.Facts("Role", "Co", null, ExperienceLevel.MID, JobStatus.ACTIVE, false);
            jobs.add(new JobProfile("j" + i, "t", 1, "h", facts, List.of(), Map.of(), points[i]));
        }
        var clustering = new JobClusterer(MatchingProperties.defaults().clusters()).cluster(jobs, 6);
        assertThat(clustering.k()).isEqualTo(6);
        assertThat(clustering.chosenBy()).isEqualTo("request");
        assertThat(clustering.clusters().stream().mapToInt(JobClusters.JobCluster::size).sum()).isEqualTo(60);
    }
}
