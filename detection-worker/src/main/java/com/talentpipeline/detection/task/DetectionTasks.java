package com.talentpipeline.detection.task;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.image.ImageDetections;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topics;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes the {@code image.detection} task's RUNNING and SUCCEEDED events on {@code task.events}, keyed by
 * image id; blocking (worker threads only). A FAILED task goes with its dead letter (the consume kit's writer).
 */
@Component
class DetectionTasks {

    private final KafkaTemplate<String, byte[]> kafka;

    public DetectionTasks(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    public void running(UUID taskId, String tenant, String imageId, String traceparent) {
        send(taskId, tenant, imageId, traceparent, TaskEvent.running(TaskType.IMAGE_DETECTION));
    }

    public void succeeded(UUID taskId, String tenant, String imageId, String traceparent, String backbone,
            ImageDetections result, String overlayPng) {
        ObjectNode published = PipelineJson.mapper().valueToTree(result);
        if (overlayPng != null) {
            // The overlay travels with the result only: the results API serves it apart, never in the JSON.
            published.put("overlayPng", overlayPng);
        }
        send(taskId, tenant, imageId, traceparent, TaskEvent.succeeded(TaskType.IMAGE_DETECTION,
                new ModelRef(backbone, "maskcut", 0), "/v1/images/" + imageId + "/detections", published, false));
    }

    private void send(UUID taskId, String tenant, String imageId, String traceparent, TaskEvent event) {
        EventEnvelope<TaskEvent> envelope = EventEnvelope.of(Topics.TASK_EVENTS_NAME, taskId, tenant, imageId, null,
                traceparent, event);
        try {
            kafka.send(new ProducerRecord<>(Topics.TASK_EVENTS.name(), imageId, Topics.TASK_EVENTS.encode(envelope)))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing a task event", e);
        } catch (Exception e) {
            throw new IllegalStateException("task event for " + taskId + " not acknowledged", e);
        }
    }
}
