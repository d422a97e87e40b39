package com.talentpipeline.results.score;

import com.talentpipeline.core.kafka.reply.PendingReplies;
import com.talentpipeline.core.kafka.reply.ReplyConsumer;
import com.talentpipeline.core.kafka.reply.RequestReply;
import com.talentpipeline.core.topic.ReactiveSends;
import com.talentpipeline.core.topic.Topics;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/**
 * Request-reply for the results API's one question to a worker (the score against a job): this
 * instance's reply consumer (every partition of {@code request.replies}, no group) and the requester.
 * Only queries are asked here, so there is never a task to create.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScoreProperties.class)
class ScoreConfiguration {

    @Bean
    PendingReplies resultsPendingReplies() {
        return new PendingReplies();
    }

    @Bean
    ReplyConsumer resultsReplyConsumer(ConsumerFactory<?, ?> consumers, PendingReplies resultsPendingReplies) {
        return new ReplyConsumer(Topics.REQUEST_REPLIES, consumers.getConfigurationProperties(), resultsPendingReplies);
    }

    @Bean
    RequestReply resultsRequestReply(KafkaTemplate<String, byte[]> kafka, PendingReplies resultsPendingReplies,
            ScoreProperties properties) {
        return new RequestReply(record -> ReactiveSends.acknowledged(kafka, record).timeout(properties.jobTimeout()),
                resultsPendingReplies,
                (taskId, type, tenant, subject) -> Mono.error(new IllegalStateException("the results API asks only queries")),
                Topics.REQUEST_REPLIES_NAME, "", properties.retryAfter());
    }
}
