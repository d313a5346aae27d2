package io.hybridllm.jobs;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;

import io.hybridllm.contracts.Topics;

/**
 * Creates the job's reply topic where the client may (an unsecured broker). A tenant's principal may not create topics:
 * there the first worker to reply creates it, and the reply reader finds it within a few seconds and reads it from its
 * beginning, so no reply is missed either way.
 */
final class ReplyTopicCreator {

    private static final System.Logger LOG = System.getLogger(ReplyTopicCreator.class.getName());

    static void tryCreate(JobClientConfig config) {
        try (Admin admin = Admin.create(config.kafka())) {
            var layout = Topics.REPLY_TOPIC_SPEC;
            NewTopic topic = new NewTopic(config.replyTopic(), Optional.of(layout.partitions()), Optional.empty())
                    .configs(layout.configs());
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)
                    && !(e.getCause() instanceof TopicAuthorizationException)) {
                LOG.log(Level.WARNING, "could not create reply topic {0} ({1}); the first reply will create it",
                        config.replyTopic(), e.getCause().toString());
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.log(Level.WARNING, "could not create reply topic {0} ({1}); the first reply will create it",
                    config.replyTopic(), e.toString());
        }
    }

    private ReplyTopicCreator() {
    }
}
