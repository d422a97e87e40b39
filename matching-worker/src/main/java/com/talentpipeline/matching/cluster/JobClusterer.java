package com.talentpipeline.matching.cluster;

import com.talentpipeline.core.match.JobClusters;
import com.talentpipeline.core.match.JobClusters.ClusterRepresentative;
import com.talentpipeline.core.match.JobClusters.JobCluster;
import com.talentpipeline.matching.compare.JobProfile;
import com.talentpipeline.matching.config.MatchingProperties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Clusters active jobs by their vectors. Without a requested k, every k from 2 to
 * {@code min(maxK, n - 1)} is fitted and the one with the highest mean silhouette wins. Silhouettes are
 * computed over a seeded sample of at most {@code silhouetteSample} jobs (exact below). Each cluster is
 * described by its size, its top terms (words of titles and skills most specific to it: frequency in the
 * cluster times log of the inverse share of clusters using the word), its representative jobs (closest
 * to the centroid) and its own mean silhouette.
 */
public final class JobClusterer {

    private static final Set<String> STOP = Set.of("and", "or", "the", "of", "a", "an", "in", "for", "to", "with", "at",
            "senior", "junior", "mid", "lead", "level", "i", "ii", "iii");

    private final MatchingProperties.Clusters settings;

    public JobClusterer(MatchingProperties.Clusters settings) {
        this.settings = settings;
    }

    /** Clusters {@code jobs} (at least 3) into {@code requestedK} groups, or the best k when null. */
    public JobClusters cluster(List<JobProfile> jobs, Integer requestedK) {
        int n = jobs.size();
        float[][] points = new float[n][];
        for (int i = 0; i < n; i++) {
            points[i] = jobs.get(i).vector();
        }
        int[] sample = sample(n);
        float[][] sampled = new float[sample.length][];
        for (int i = 0; i < sample.length; i++) {
            sampled[i] = points[sample[i]];
        }
        KMeans.Result best;
        Map<Integer, Double> tried = new LinkedHashMap<>();
        if (requestedK != null) {
            best = KMeans.fit(points, requestedK, settings.maxIterations(), settings.seed());
        } else {
            best = null;
            double bestScore = -2;
            for (int k = 2; k <= Math.min(settings.maxK(), n - 1); k++) {
                KMeans.Result r = KMeans.fit(points, k, settings.maxIterations(), settings.seed());
                double s = Silhouette.mean(sampled, pick(r.assignments(), sample), k);
                tried.put(k, round(s));
                if (s > bestScore) {
                    bestScore = s;
                    best = r;
                }
            }
        }
        int k = best.centroids().length;
        double[] silhouettes = Silhouette.values(sampled, pick(best.assignments(), sample), k);
        double mean = 0;
        for (double s : silhouettes) {
            mean += s;
        }
        mean = silhouettes.length == 0 ? 0 : mean / silhouettes.length;
        List<JobCluster> clusters = describe(jobs, points, best, sample, silhouettes);
        return new JobClusters(k, requestedK != null ? "request" : "silhouette", round(mean), tried, n, clusters);
    }

    private List<JobCluster> describe(List<JobProfile> jobs, float[][] points, KMeans.Result r, int[] sample,
            double[] silhouettes) {
        int k = r.centroids().length;
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < points.length; i++) {
            members.get(r.assignments()[i]).add(i);
        }
        List<Map<String, Integer>> termCounts = new ArrayList<>();
        Map<String, Integer> clustersUsing = new HashMap<>();
        for (int c = 0; c < k; c++) {
            Map<String, Integer> counts = new HashMap<>();
            for (int i : members.get(c)) {
                Set<String> words = new HashSet<>(words(jobs.get(i)));
                words.forEach(w -> counts.merge(w, 1, Integer::sum));
            }
            counts.keySet().forEach(w -> clustersUsing.merge(w, 1, Integer::sum));
            termCounts.add(counts);
        }
        double[] clusterSilhouette = new double[k];
        int[] sampledCount = new int[k];
        for (int i = 0; i < sample.length; i++) {
            int c = r.assignments()[sample[i]];
            clusterSilhouette[c] += silhouettes[i];
            sampledCount[c]++;
        }
        List<JobCluster> out = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            final int cluster = c;
            List<String> top = termCounts.get(c).entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, Integer>>comparingDouble(
                            e -> -e.getValue() * Math.log(1.0 + (double) k / clustersUsing.get(e.getKey())))
                            .thenComparing(Map.Entry::getKey))
                    .limit(5).map(Map.Entry::getKey).toList();
            List<ClusterRepresentative> reps = members.get(c).stream()
                    .sorted(Comparator.comparingDouble((Integer i) -> KMeans.distance2(points[i], r.centroids()[cluster]))
                            .thenComparing(i -> jobs.get(i).jobId()))
                    .limit(3)
                    .map(i -> new ClusterRepresentative(jobs.get(i).jobId(), jobs.get(i).facts().title(), jobs.get(i).facts().company(),
                            round(Math.sqrt(KMeans.distance2(points[i], r.centroids()[cluster])))))
                    .toList();
            out.add(new JobCluster(c, members.get(c).size(), top, reps,
                    sampledCount[c] == 0 ? 0 : round(clusterSilhouette[c] / sampledCount[c])));
        }
        out.sort(Comparator.comparingInt(JobCluster::size).reversed().thenComparingInt(JobCluster::id));
        return out;
    }

    static List<String> words(JobProfile job) {
        List<String> words = new ArrayList<>();
        StringBuilder text = new StringBuilder(job.facts().title() == null ? "" : job.facts().title());
        job.skills().forEach(s -> text.append(' ').append(s));
        for (String w : text.toString().toLowerCase(Locale.ROOT).split("[^\\p{Alnum}+#.]+")) {
            String t = w.replaceAll("^\\.+|\\.+$", "");
            if (t.length() > 1 && !STOP.contains(t)) {
                words.add(t);
            }
        }
        return words;
    }

    private int[] sample(int n) {
        int size = Math.min(n, settings.silhouetteSample());
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (size == n) {
            return all;
        }
        Random random = new Random(settings.seed());
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, size);
    }

    private static int[] pick(int[] assignments, int[] sample) {
        int[] out = new int[sample.length];
        for (int i = 0; i < sample.length; i++) {
            out[i] = assignments[sample[i]];
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
