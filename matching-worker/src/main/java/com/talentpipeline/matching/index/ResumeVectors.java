package com.talentpipeline.matching.index;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.resume.ResumeEmbeddings;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.inference.vector.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest embeddings of every resume, from the compacted {@code resume.embedded} topic (key = resume
 * id; a tombstone or an erasure removes it). Kept in memory rather than read from the results store so
 * that a match never depends on when the results API stored an event, and so a restart needs only Kafka.
 * About 1.5 KB per section per resume (384 floats). Entries are also grouped by tenant so that
 * {@link #topK} (the candidates of a job) scans only the tenant's resumes. Reads are lock-free; writes
 * are serialised so that the two maps always agree.
 */
public final class ResumeVectors {

    private static final Logger log = LoggerFactory.getLogger(ResumeVectors.class);

    /**
     * @param tenantId    owner, from the envelope
     * @param contentHash the envelope's content hash
     * @param embeddings  the payload
     */
    public record Entry(String tenantId, String contentHash, ResumeEmbeddings embeddings, float[] searchVector) {

        /** An entry with the search vector derived from the embeddings. */
        public Entry(String tenantId, String contentHash, ResumeEmbeddings embeddings) {
            this(tenantId, contentHash, embeddings, ResumeVectors.searchVector(embeddings));
        }
    }

    /**
     * A resume and its vector similarity to a job.
     *
     * @param entry the resume's latest embeddings
     * @param score dot product of the unit search vectors (cosine)
     */
    public record Hit(Entry entry, float score) {
    }

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    /**
     * Resumes a tombstone removed and no erasure has counted yet (bounded: the oldest are forgotten; a
     * tombstone read again on a restart removes nothing and adds nothing).
     */
    private final Map<String, Boolean> erasedByTombstone = new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    };
    private final Map<String, Map<String, Entry>> byTenant = new ConcurrentHashMap<>();
    private final com.talentpipeline.matching.compare.SkillEmbeddings skills;

    /** An index that keeps no skill vectors (tests, benchmarks). */
    public ResumeVectors() {
        this(null);
    }

    /** An index that hands each resume's published skill vectors to {@code skills}. */
    public ResumeVectors(com.talentpipeline.matching.compare.SkillEmbeddings skills) {
        this.skills = skills;
    }

    /**
     * The vector a job's vector is compared with: work experience + 2 x skills, normalised, the same
     * combination as {@code ResumeProfile#queryVector()} (and symmetric with {@code JobProfile#vector()});
     * null when the resume has neither section.
     */
    static float[] searchVector(ResumeEmbeddings embeddings) {
        Map<String, float[]> sections = embeddings.meanEmbeddings();
        if (sections == null) {
            return null;
        }
        return Vectors.normalisedMean(Arrays.asList(sections.get("workExperience"), sections.get("skills"),
                sections.get("skills")));
    }

    /** The tenant's resume embeddings, or null. */
    public Entry get(String tenantId, String resumeId) {
        Entry e = byId.get(resumeId);
        return e != null && e.tenantId().equals(tenantId) ? e : null;
    }

    public int size() {
        return byId.size();
    }

    /** Adds a version unless a newer one is held; its skill vectors go to the skill sink. */
    public synchronized void put(EventEnvelope<ResumeEmbeddings> envelope) {
        ResumeEmbeddings published = envelope.payload();
        if (skills != null && published.model() != null) {
            skills.learn(published.model().version(), published.skillVectors());
        }
        // Only the section view is held: the content, chunks and per-skill vectors would multiply the
        // memory per resume by about 30 and nothing here reads them.
        ResumeEmbeddings p = published.taskResult();
        Entry previous = byId.get(p.resumeId());
        Entry winner = byId.merge(p.resumeId(), new Entry(envelope.tenantId(), envelope.contentHash(), p),
                (old, neu) -> old.embeddings().version() > neu.embeddings().version() ? old : neu);
        if (previous != null && !previous.tenantId().equals(winner.tenantId())) {
            dropFromTenant(previous.tenantId(), p.resumeId());
        }
        byTenant.computeIfAbsent(winner.tenantId(), t -> new ConcurrentHashMap<>()).put(p.resumeId(), winner);
    }

    /** Drops a resume; true when it was held. */
    public synchronized boolean remove(String resumeId) {
        Entry removed = byId.remove(resumeId);
        if (removed != null) {
            dropFromTenant(removed.tenantId(), resumeId);
        }
        return removed != null;
    }

    /**
     * Drops a resume for its erasure and says whether this index held it: true when it goes now, and also
     * when the erasure's tombstone on {@code resume.embedded} (which the ingest API writes before it
     * announces the erasure, and which the topic reader may apply first) already took it out.
     */
    public synchronized boolean erase(String resumeId) {
        boolean tombstoned = erasedByTombstone.remove(resumeId) != null;
        return remove(resumeId) || tombstoned;
    }

    /** A tombstone: drops the resume and remembers that it was held, for {@link #erase}'s count. */
    private synchronized void tombstone(String resumeId) {
        if (remove(resumeId)) {
            erasedByTombstone.put(resumeId, Boolean.TRUE);
        }
    }

    private void dropFromTenant(String tenantId, String resumeId) {
        Map<String, Entry> entries = byTenant.get(tenantId);
        if (entries != null) {
            entries.remove(resumeId);
        }
    }

    /** How many resumes of the tenant are held. */
    public int size(String tenantId) {
        Map<String, Entry> entries = byTenant.get(tenantId);
        return entries == null ? 0 : entries.size();
    }

    /**
     * The {@code k} resumes of the tenant whose search vectors are most similar to {@code query} (a
     * job's unit vector), best first; ties by resume id. Exact: every resume of the tenant is scored.
     */
    public List<Hit> topK(String tenantId, float[] query, int k) {
        Map<String, Entry> entries = byTenant.get(tenantId);
        if (entries == null || k <= 0 || query == null) {
            return List.of();
        }
        Entry[] heap = new Entry[k];
        float[] scores = new float[k];
        int size = 0;
        for (Entry e : entries.values()) {
            float[] v = e.searchVector();
            if (v == null || v.length != query.length) {
                continue;
            }
            float score = Vectors.dot(query, v);
            if (size < k) {
                heap[size] = e;
                scores[size] = score;
                siftUp(heap, scores, size++);
            } else if (worse(scores[0], heap[0], score, e)) {
                heap[0] = e;
                scores[0] = score;
                siftDown(heap, scores, 0, size);
            }
        }
        List<Hit> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new Hit(heap[i], scores[i]));
        }
        out.sort((a, b) -> worse(a.score(), a.entry(), b.score(), b.entry()) ? 1 : -1);
        return out;
    }

    /** Whether (sa, a) ranks below (sb, b): lower score, or equal score and a larger resume id. */
    private static boolean worse(float sa, Entry a, float sb, Entry b) {
        if (sa != sb) {
            return sa < sb;
        }
        return a.embeddings().resumeId().compareTo(b.embeddings().resumeId()) > 0;
    }

    // A min-heap by rank: the root is the worst of the k kept.
    private static void siftUp(Entry[] heap, float[] scores, int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!worse(scores[i], heap[i], scores[parent], heap[parent])) {
                return;
            }
            swap(heap, scores, i, parent);
            i = parent;
        }
    }

    private static void siftDown(Entry[] heap, float[] scores, int i, int size) {
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int min = i;
            if (l < size && worse(scores[l], heap[l], scores[min], heap[min])) {
                min = l;
            }
            if (r < size && worse(scores[r], heap[r], scores[min], heap[min])) {
                min = r;
            }
            if (min == i) {
                return;
            }
            swap(heap, scores, i, min);
            i = min;
        }
    }

    private static void swap(Entry[] heap, float[] scores, int a, int b) {
        Entry e = heap[a];
        heap[a] = heap[b];
        heap[b] = e;
        float s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
    }

    /** Applies a batch of {@code resume.embedded} records. */
    public void apply(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() == null) {
                continue;
            }
            if (record.value() == null) {
                tombstone(record.key());
                continue;
            }
            try {
                put(Topics.RESUME_EMBEDDED.decode(record.value()));
            } catch (RuntimeException e) {
                log.warn("skipping unreadable {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.toString());
            }
        }
    }
}
