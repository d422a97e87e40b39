package com.talentpipeline.core.trace;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Continues a task's trace in a consumer. Kafka consumers here poll batches, so there is no single
 * "current" trace per poll; instead the work on each task runs in a child span of the task's
 * {@code traceparent}, in scope, so log lines carry its {@code traceId}/{@code spanId} in the MDC
 * and records sent meanwhile carry the child's traceparent.
 *
 * <p>Without Micrometer Tracing beans (plain tests) the work runs unchanged.
 */
public final class TaskTracing {

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    /**
     * @param tracer     Micrometer Tracing's tracer, if configured
     * @param propagator the W3C propagator, if configured
     */
    public TaskTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** @return tracing that does nothing (for unit tests) */
    public static TaskTracing noop() {
        return new TaskTracing(null, null);
    }

    /**
     * Runs {@code work} in a child span of {@code traceparent} named {@code name}.
     *
     * @return what {@code work} returns
     */
    public <T> T inTrace(String traceparent, String name, Supplier<T> work) {
        Tracer t = tracer == null ? null : tracer.getIfAvailable();
        Propagator p = propagator == null ? null : propagator.getIfAvailable();
        if (t == null || p == null || !Traceparent.isValid(traceparent)) {
            return work.get();
        }
        Span span = p.extract(traceparent, (carrier, key) -> Traceparent.HEADER.equals(key) ? carrier : null)
                .name(name)
                .kind(Span.Kind.CONSUMER)
                .start();
        try (Tracer.SpanInScope scope = t.withSpan(span)) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** Runs {@code work} in a child span of {@code traceparent}. */
    public void inTrace(String traceparent, String name, Runnable work) {
        inTrace(traceparent, name, () -> {
            work.run();
            return null;
        });
    }

    /**
     * @param fallback the value to use outside a span
     * @return the traceparent of the current span (a child of the task's trace), else {@code fallback}
     */
    public String currentOr(String fallback) {
        Tracer t = tracer == null ? null : tracer.getIfAvailable();
        Span span = t == null ? null : t.currentSpan();
        if (span == null) {
            return fallback;
        }
        TraceContext c = span.context();
        String value = "00-" + c.traceId() + "-" + c.spanId() + "-" + (Boolean.TRUE.equals(c.sampled()) ? "01" : "00");
        return Traceparent.isValid(value) ? value : fallback;
    }
}
