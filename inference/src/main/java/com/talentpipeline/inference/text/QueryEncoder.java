package com.talentpipeline.inference.text;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Encodes query-time texts (a RAG question, a job search query) where they are served: cached and batched.
 * Documents are encoded once by the embedding worker; what remains for the other services is short texts
 * typed by callers, which repeat (the same question about many resumes, the same search) and arrive
 * concurrently. So a vector is kept in a bounded LRU by text, and the misses of concurrent callers share
 * one forward pass: one thread drains whatever queries are waiting (up to {@code maxBatch}) into a
 * single {@link TextEncoder#embedQueries} call. An idle service pays no wait; a busy one batches.
 * Counts {@code inference.query.cache.requests{result=hit|miss}}.
 */
public final class QueryEncoder implements AutoCloseable {

    private final TextEncoder encoder;
    private final int maxBatch;
    private final Map<String, float[]> cache;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private final Counter hits;
    private final Counter misses;
    private volatile boolean closed;

    /**
     * @param encoder   the model
     * @param cacheSize most query vectors kept (0 = no cache)
     * @param maxBatch  most queries in one forward pass
     * @param meters    where the cache counters go, or null
     */
    public QueryEncoder(TextEncoder encoder, int cacheSize, int maxBatch, MeterRegistry meters) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        if (maxBatch < 1 || cacheSize < 0) {
            throw new IllegalArgumentException("maxBatch must be >= 1 and cacheSize >= 0");
        }
        this.maxBatch = maxBatch;
        this.cache = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > cacheSize;
            }
        });
        MeterRegistry registry = meters != null ? meters : new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        this.hits = counter(registry, "hit");
        this.misses = counter(registry, "miss");
        this.worker = new Thread(this::drain, "query-encoder");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** An encoder with a 10,000-query cache and the model's batch of 32. */
    public static QueryEncoder of(TextEncoder encoder) {
        return new QueryEncoder(encoder, 10_000, 32, null);
    }

    /** The model behind it. */
    public TextEncoder encoder() {
        return encoder;
    }

    /**
     * The query's vector: from the cache, else from the next forward pass (blocks until then; call it
     * from a worker thread, never an event loop).
     *
     * @throws EmbeddingException when the model fails on the batch
     */
    public float[] encode(String query) {
        float[] cached = cache.get(query);
        if (cached != null) {
            hits.increment();
            return cached;
        }
        misses.increment();
        if (closed) {
            throw new IllegalStateException("query encoder closed");
        }
        Pending pending = new Pending(query, new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddingException("interrupted while waiting for the model", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new EmbeddingException("query encoding failed", e.getCause());
        }
    }

    private void drain() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (!closed) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            // Identical queries in one batch are encoded once.
            Map<String, List<Pending>> byText = new LinkedHashMap<>();
            batch.forEach(p -> byText.computeIfAbsent(p.query(), q -> new ArrayList<>()).add(p));
            List<String> texts = new ArrayList<>(byText.keySet());
            try {
                float[][] vectors = encoder.embedQueries(texts);
                for (int i = 0; i < texts.size(); i++) {
                    cache.put(texts.get(i), vectors[i]);
                    float[] vector = vectors[i];
                    byText.get(texts.get(i)).forEach(p -> p.result().complete(vector));
                }
            } catch (RuntimeException e) {
                batch.forEach(p -> p.result().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    /** Stops the batching thread; waiting callers fail. */
    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        Pending p;
        while ((p = queue.poll()) != null) {
            p.result().completeExceptionally(new IllegalStateException("query encoder closed"));
        }
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder("inference.query.cache.requests")
                .description("Query-time texts served from the query vector cache (hit) or the model (miss)")
                .tag("result", result).register(registry);
    }

    private record Pending(String query, CompletableFuture<float[]> result) {
    }
}
