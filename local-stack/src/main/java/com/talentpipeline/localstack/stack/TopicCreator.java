package com.talentpipeline.localstack.stack;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics through the Kafka AdminClient. Brokers of the local stack refuse to auto-create
 * topics (as production does), so whoever runs the services creates their topics first.
 */
final class TopicCreator {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TopicCreator() {
    }

    /**
     * Creates every topic with replication factor 1 (single broker); a topic that already exists is
     * left as it is.
     *
     * @return names of the topics this call created
     */
    public static Set<String> createTopics(String bootstrapServers, Collection<TopicSpec> topics) {
        if (topics.isEmpty()) {
            return Set.of();
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-topic-creator");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> newTopics = topics.stream().map(TopicCreator::newTopic).toList();
            CreateTopicsResult result = admin.createTopics(newTopics);
            Set<String> created = new LinkedHashSet<>();
            for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> e : result.values().entrySet()) {
                try {
                    e.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(e.getKey());
                } catch (ExecutionException ex) {
                    // A restart of the stack keeps its topics: existing ones are expected.
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + e.getKey(), ex.getCause());
                    }
                }
            }
            awaitLeaders(admin, topics.stream().map(TopicSpec::name).toList());
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating topics on " + bootstrapServers, e);
        }
    }

    /**
     * Waits until every partition of the topics has a leader. A topic is "created" before its
     * partitions have leaders; a producer sending right away meets NOT_LEADER_OR_FOLLOWER and can
     * time out, which is what made a benchmark section fail on a busy machine.
     */
    static void awaitLeaders(Admin admin, Collection<String> names)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                boolean ready = admin.describeTopics(names).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .values().stream()
                        .allMatch(d -> !d.partitions().isEmpty()
                                && d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
                if (ready) {
                    return;
                }
            } catch (ExecutionException notYet) {
                // UnknownTopicOrPartition right after creation: metadata has not spread yet.
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("partitions of " + names + " have no leader after " + TIMEOUT);
            }
            Thread.sleep(100);
        }
    }

    private static NewTopic newTopic(TopicSpec spec) {
        NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) 1);
        Map<String, String> configs = new java.util.HashMap<>(spec.configs());
        if (spec.compacted()) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        topic.configs(configs);
        return topic;
    }
}
