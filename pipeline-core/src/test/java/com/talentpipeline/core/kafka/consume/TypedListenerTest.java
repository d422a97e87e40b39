package com.talentpipeline.core.kafka.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.talentpipeline.core.image.ImageSubmitted;
import com.talentpipeline.core.model.WorkerModels;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.BadRecordPolicy;
import com.talentpipeline.core.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

/** Decoding, the per-topic bad-record policy, and the task of a dead-lettered record. */
class TypedListenerTest {

    final KitFixtures kafka = new KitFixtures();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final ConsumeKit kit = ConsumeKit.of(kafka.kafka, meters, "detection-worker");
    final List<Received<ImageSubmitted>> handled = new ArrayList<>();

    TypedListener<ImageSubmitted> images() {
        return kit.listener(Topics.IMAGE_SUBMITTED).failingTasksAs(TaskType.IMAGE_DETECTION).handler(handled::addAll);
    }

    double badRecords(String topic, BadRecordPolicy policy) {
        var counter = meters.find("pipeline.bad.records").tag("topic", topic).tag("policy", policy.tag()).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theHandlerGetsTypedEnvelopesInOrder() throws Exception {
        UUID task = UUID.randomUUID();
        images().onBatch(List.of(KitFixtures.image(1, task, "img-1"), KitFixtures.image(2, UUID.randomUUID(), "img-2")));

        assertThat(handled).extracting(r -> r.payload().imageId()).containsExactly("img-1", "img-2");
        assertThat(handled.get(0).envelope().taskId()).isEqualTo(task);
        assertThat(handled.get(0).key()).isEqualTo("img-1");
        assertThat(handled.get(0).record().offset()).isEqualTo(1);
        assertThat(kafka.sent).isEmpty();
    }

    @Test
    void aRecordNamingItsTaskIsDeadLetteredWithTheHeaderSetAndItsTaskFails() throws Exception {
        UUID task = UUID.randomUUID();
        // An envelope whose payload has the wrong shape: unreadable as a whole, but it names its task.
        String poison = "{\"id\":\"e1\",\"type\":\"image.submitted\",\"taskId\":\"" + task
                + "\",\"tenantId\":\"tenant-b\",\"payload\":{\"imageId\":[1,2]}}";
        images().onBatch(List.of(KitFixtures.raw(Topics.IMAGE_SUBMITTED_NAME, 5, "img-9", poison),
                KitFixtures.image(6, UUID.randomUUID(), "img-10")));

        assertThat(handled).extracting(r -> r.payload().imageId()).containsExactly("img-10");
        var letter = kafka.on("image.submitted.DLT");
        assertThat(letter).singleElement().satisfies(r -> {
            assertThat(r.partition()).isEqualTo(2);
            assertThat(r.key()).isEqualTo("img-9");
            assertThat(new String(r.value())).isEqualTo(poison);
            assertThat(KitFixtures.text(r, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo("image.submitted");
            assertThat(KitFixtures.text(r, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo("2");
            assertThat(KitFixtures.text(r, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("5");
            assertThat(KitFixtures.text(r, DeadLetterHeaders.ORIGINAL_KEY)).isEqualTo("img-9");
            assertThat(KitFixtures.text(r, DeadLetterHeaders.EXCEPTION_CLASS))
                    .isEqualTo("org.apache.kafka.common.errors.SerializationException");
            assertThat(KitFixtures.text(r, DeadLetterHeaders.EXCEPTION_MESSAGE)).startsWith("malformed event");
            assertThat(KitFixtures.text(r, DeadLetterHeaders.SERVICE)).isEqualTo("detection-worker");
            assertThat(KitFixtures.text(r, DeadLetterHeaders.TASK_ID)).isEqualTo(task.toString());
            assertThat(KitFixtures.text(r, DeadLetterHeaders.TENANT)).isEqualTo("tenant-b");
            assertThat(KitFixtures.text(r, DeadLetterHeaders.DEAD_LETTERED_AT)).isNotBlank();
        });
        var failed = kafka.on(Topics.TASK_EVENTS_NAME);
        assertThat(failed).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("img-9");
            var envelope = Topics.TASK_EVENTS.decode(r.value());
            assertThat(envelope.taskId()).isEqualTo(task);
            assertThat(envelope.tenantId()).isEqualTo("tenant-b");
            TaskEvent event = envelope.payload();
            assertThat(event.state()).isEqualTo(TaskState.FAILED);
            assertThat(event.type()).isEqualTo(TaskType.IMAGE_DETECTION);
            assertThat(event.error().code()).isEqualTo(ErrorCode.MALFORMED_EVENT);
            assertThat(event.error().message()).contains("image.submitted event could not be read");
        });
        assertThat(badRecords("image.submitted", BadRecordPolicy.DEAD_LETTER)).isEqualTo(1);
        assertThat(meters.get("pipeline.dlt.messages").tag("topic", "image.submitted").counter().count()).isEqualTo(1);
    }

    @Test
    void bytesThatNameNoTaskAreDeadLetteredWithoutATaskEvent() throws Exception {
        images().onBatch(List.of(KitFixtures.raw(Topics.IMAGE_SUBMITTED_NAME, 1, "k", "{not json")));

        assertThat(kafka.on("image.submitted.DLT")).singleElement()
                .satisfies(r -> assertThat(r.headers().lastHeader(DeadLetterHeaders.TASK_ID)).isNull());
        assertThat(kafka.on(Topics.TASK_EVENTS_NAME)).isEmpty();
        assertThat(handled).isEmpty();
    }

    @Test
    void aListenersOwnCheckMakesABadRecord() throws Exception {
        var listener = kit.listener(Topics.IMAGE_SUBMITTED).requiring(e -> {
            if (e.payload().width() <= 0) {
                throw new IllegalArgumentException("no width");
            }
        }).handler(handled::addAll);
        var image = KitFixtures.image(1, UUID.randomUUID(), "img-1");
        listener.onBatch(List.of(image));
        assertThat(handled).hasSize(1);

        var zero = new org.apache.kafka.clients.consumer.ConsumerRecord<>(Topics.IMAGE_SUBMITTED_NAME, 0, 2L, "img-2",
                Topics.IMAGE_SUBMITTED.encode(com.talentpipeline.core.event.EventEnvelope.of("image.submitted",
                        UUID.randomUUID(), "t", "img-2", null, null, new ImageSubmitted("img-2", "image/png", 0, 1, 1, null, new byte[1]))));
        listener.onBatch(List.of(zero));
        assertThat(handled).hasSize(1);
        assertThat(kafka.on("image.submitted.DLT")).singleElement()
                .satisfies(r -> assertThat(KitFixtures.text(r, DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo("no width"));
    }

    @Test
    void aSkipTopicCountsAndSkipsAndKeepsTombstonesWhenAsked() throws Exception {
        List<Received<WorkerModels>> models = new ArrayList<>();
        var listener = kit.listener(Topics.MODEL_REGISTRY).keepingTombstones().handler(models::addAll);
        listener.onBatch(List.of(KitFixtures.raw(Topics.MODEL_REGISTRY_NAME, 1, "svc/a", "{garbage"),
                KitFixtures.raw(Topics.MODEL_REGISTRY_NAME, 2, "svc/b", null)));

        assertThat(Topics.MODEL_REGISTRY.badRecordPolicy()).isEqualTo(BadRecordPolicy.SKIP_AND_COUNT);
        assertThat(kafka.sent).isEmpty();
        assertThat(models).singleElement().satisfies(r -> {
            assertThat(r.tombstone()).isTrue();
            assertThat(r.key()).isEqualTo("svc/b");
        });
        assertThat(badRecords("model.registry", BadRecordPolicy.SKIP_AND_COUNT)).isEqualTo(1);
    }

    @Test
    void tombstonesAreDroppedByDefault() throws Exception {
        images().onBatch(List.of(KitFixtures.raw(Topics.IMAGE_SUBMITTED_NAME, 1, "k", null)));
        assertThat(handled).isEmpty();
        assertThat(kafka.sent).isEmpty();
    }

    @Test
    void anObserverOfADeadLetterTopicSkipsSoABadRecordHasOneDeadLetter() throws Exception {
        var observer = kit.listener(Topics.TASK_EVENTS).observing().handler(batch -> { });
        assertThat(Topics.TASK_EVENTS.badRecordPolicy()).isEqualTo(BadRecordPolicy.DEAD_LETTER);
        assertThat(observer.policy()).isEqualTo(BadRecordPolicy.SKIP_AND_COUNT);
        observer.onBatch(List.of(KitFixtures.raw(Topics.TASK_EVENTS_NAME, 1, "k", "{nope")));
        assertThat(kafka.sent).isEmpty();
        assertThat(badRecords("task.events", BadRecordPolicy.SKIP_AND_COUNT)).isEqualTo(1);
    }

    @Test
    void anUnacknowledgedDeadLetterFailsTheBatchBeforeTheHandlerRuns() {
        kafka.sendFailure = new KafkaException("broker away");
        assertThatThrownBy(() -> images().onBatch(List.of(KitFixtures.raw(Topics.IMAGE_SUBMITTED_NAME, 1, "k", "x"),
                KitFixtures.image(2, UUID.randomUUID(), "img-2"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not acknowledged");
        assertThat(handled).isEmpty();
    }

    @Test
    void theWorkTopicsDeadLetterAndTheDerivedTopicsSkip() {
        assertThat(Topics.all()).filteredOn(t -> t.badRecordPolicy() == BadRecordPolicy.DEAD_LETTER)
                .extracting(t -> t.name())
                .containsExactlyInAnyOrder("resume.submitted", "job.submitted", "task.events", "interview.submitted",
                        "image.submitted", "image.requested", "rag.requested", "career.requested", "match.requested",
                        "match.batch.requested", "job.clusters.requested", "job.search.requested",
                        "job.candidates.requested", "recommendations.requested", "score.requested", "taxonomy.requested",
                        "rag.lookup");
        assertThat(Topics.all()).filteredOn(t -> t.compacted())
                .allSatisfy(t -> assertThat(t.badRecordPolicy()).isEqualTo(BadRecordPolicy.SKIP_AND_COUNT));
    }
}
