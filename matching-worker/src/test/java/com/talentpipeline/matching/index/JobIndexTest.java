package com.talentpipeline.matching.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.job.ExperienceLevel;
import com.talentpipeline.core.job.JobEmbeddings;
import com.talentpipeline.core.job.JobStatus;
import com.talentpipeline.inference.vector.Vectors;
import com.talentpipeline.matching.compare.JobProfile;
import com.talentpipeline.matching.recommend.JobFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The matrix index: exact top-k, tenant isolation, closed and deleted jobs, version order, filters. */
class JobIndexTest {

    static final int DIM = 16;

    static JobProfile job(String id, String tenant, int version, JobStatus status, String location, boolean remote, float[] v) {
        var facts = new JobEmbeddings.Facts("Title " + id, "Co", location, ExperienceLevel.MID, status, remote);
        return new JobProfile(id, tenant, version, "h" + id, facts, List.of(), Map.of("jobTitle", v), v);
    }

    static float[] random(Random r) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return Vectors.normaliseInPlace(v);
    }

    @Test
    void topKEqualsASortOfAllScores() {
        Random r = new Random(7);
        JobIndex index = new JobIndex(DIM);
        List<JobProfile> all = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            JobProfile j = job("j" + i, "t", 1, JobStatus.ACTIVE, "Berlin", false, random(r));
            all.add(j);
            index.upsert(j);
        }
        float[] q = random(r);
        List<String> expected = all.stream().sorted(Comparator.comparingDouble((JobProfile j) -> -Vectors.dot(q, j.vector())))
                .limit(25).map(JobProfile::jobId).toList();
        assertThat(index.topK("t", q, 25, JobFilter.NONE)).extracting(s -> s.job().jobId()).containsExactlyElementsOf(expected);
    }

    @Test
    void anotherTenantsJobsNeverAppear() {
        Random r = new Random(1);
        JobIndex index = new JobIndex(DIM);
        float[] v = random(r);
        index.upsert(job("mine", "a", 1, JobStatus.ACTIVE, "Berlin", false, random(r)));
        index.upsert(job("theirs", "b", 1, JobStatus.ACTIVE, "Berlin", false, v));
        assertThat(index.topK("a", v, 10, JobFilter.NONE)).extracting(s -> s.job().jobId()).containsExactly("mine");
        assertThat(index.get("a", "theirs")).isNull();
        assertThat(index.all("a", j -> true)).extracting(JobProfile::jobId).containsExactly("mine");
    }

    @Test
    void closedAndDeletedJobsDropOutAndTheirRowsAreReused() {
        Random r = new Random(2);
        JobIndex index = new JobIndex(DIM);
        float[] v = random(r);
        index.upsert(job("a", "t", 1, JobStatus.ACTIVE, "Berlin", false, v));
        index.upsert(job("b", "t", 1, JobStatus.ACTIVE, "Berlin", false, random(r)));
        index.upsert(job("a", "t", 2, JobStatus.CLOSED, "Berlin", false, v));
        assertThat(index.topK("t", v, 10, JobFilter.NONE)).extracting(s -> s.job().jobId()).containsExactly("b");
        index.remove("b");
        assertThat(index.size()).isZero();
        index.upsert(job("c", "t", 1, JobStatus.ACTIVE, "Berlin", false, v));
        assertThat(index.topK("t", v, 10, JobFilter.NONE)).extracting(s -> s.job().jobId()).containsExactly("c");
    }

    @Test
    void anOlderVersionNeverReplacesANewerOne() {
        Random r = new Random(3);
        JobIndex index = new JobIndex(DIM);
        index.upsert(job("a", "t", 3, JobStatus.ACTIVE, "Berlin", false, random(r)));
        index.upsert(job("a", "t", 2, JobStatus.ACTIVE, "Hamburg", false, random(r)));
        index.upsert(job("a", "t", 1, JobStatus.CLOSED, "Berlin", false, random(r)));
        assertThat(index.get("t", "a").version()).isEqualTo(3);
    }

    @Test
    void filtersApplyInsideTheScanSoKIsAlwaysFilled() {
        Random r = new Random(4);
        JobIndex index = new JobIndex(DIM);
        float[] q = random(r);
        for (int i = 0; i < 200; i++) {
            index.upsert(job("near" + i, "t", 1, JobStatus.ACTIVE, "Berlin", false, q));
        }
        for (int i = 0; i < 5; i++) {
            index.upsert(job("far" + i, "t", 1, JobStatus.ACTIVE, "Lisbon, Portugal", true, random(r)));
        }
        assertThat(index.topK("t", q, 5, new JobFilter("lisbon", null))).hasSize(5)
                .allMatch(s -> s.job().jobId().startsWith("far"));
        assertThat(index.topK("t", q, 10, new JobFilter(null, true))).hasSize(5);
    }

    @Test
    void pyTorchScoringReturnsWhatTheJavaLoopReturnsThroughUpdatesRemovalsAndGrowth() {
        Random r = new Random(9);
        try (JobIndex index = new JobIndex(DIM, JobIndex.Scoring.PYTORCH)) {
            assertThat(index.scoring()).isEqualTo(JobIndex.Scoring.PYTORCH);
            for (int i = 0; i < 500; i++) {
                index.upsert(job("j" + i, i % 2 == 0 ? "t" : "u", 1, JobStatus.ACTIVE, "Berlin", false, random(r)));
            }
            float[] q = random(r);
            assertSameTopK(index, q); // first query copies the whole matrix to the mirror
            for (int i = 0; i < 500; i += 7) {
                index.upsert(job("j" + i, i % 2 == 0 ? "t" : "u", 2, JobStatus.ACTIVE, "Berlin", false, random(r)));
            }
            index.remove("j10");
            index.upsert(job("j12", "t", 3, JobStatus.CLOSED, "Berlin", false, q));
            assertSameTopK(index, q); // changed rows synced one by one
            for (int i = 500; i < 2500; i++) {
                index.upsert(job("j" + i, "t", 1, JobStatus.ACTIVE, "Berlin", false, random(r)));
            }
            assertSameTopK(index, q); // the matrix grew past its first capacity
        }
    }

    private static void assertSameTopK(JobIndex index, float[] q) {
        var java = index.topK(JobIndex.Scoring.JAVA, "t", q, 30, JobFilter.NONE);
        var torch = index.topK(JobIndex.Scoring.PYTORCH, "t", q, 30, JobFilter.NONE);
        assertThat(torch).extracting(s -> s.job().jobId()).containsExactlyElementsOf(java.stream().map(s -> s.job().jobId()).toList());
        for (int i = 0; i < java.size(); i++) {
            assertThat(torch.get(i).score()).isCloseTo(java.get(i).score(), org.assertj.core.api.Assertions.within(1e-5));
        }
    }
}
