package io.hybridllm.testkit.kafka;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import io.hybridllm.contracts.KafkaAccess;

/**
 * Principals and their ACLs on a secured broker ({@link EmbeddedKafka#startSecured}), made through the Admin API as the
 * broker's administrator: a SCRAM credential per principal, and exactly the grants {@link KafkaAccess} gives it.
 */
public final class BrokerAccess {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int ITERATIONS = 4096;

    private BrokerAccess() {
    }

    /** A fresh random password of 32 letters and digits (safe inside JAAS quotes and SCRAM arguments). */
    public static String newPassword() {
        StringBuilder password = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /** Creates (or replaces) {@code principal}'s credential with a fresh password and gives it {@code grants}. */
    public static SaslScram addPrincipal(KafkaBroker broker, String principal, List<KafkaAccess.Grant> grants) {
        SaslScram credentials = new SaslScram(principal, newPassword());
        try (Admin admin = Admin.create(broker.adminClientConfig())) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(principal,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), credentials.password()))).all()
                    .get(30, TimeUnit.SECONDS);
            admin.createAcls(grants.stream().map(grant -> binding(principal, grant)).toList()).all().get(30,
                    TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot set up principal " + principal + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up principal " + principal + ": " + e, e);
        }
        return credentials;
    }

    static AclBinding binding(String principal, KafkaAccess.Grant grant) {
        ResourceType type = switch (grant.type()) {
            case TOPIC -> ResourceType.TOPIC;
            case GROUP -> ResourceType.GROUP;
        };
        AclOperation operation = switch (grant.operation()) {
            case READ -> AclOperation.READ;
            case WRITE -> AclOperation.WRITE;
            case CREATE -> AclOperation.CREATE;
            case DESCRIBE -> AclOperation.DESCRIBE;
        };
        return new AclBinding(
                new ResourcePattern(type, grant.name(), grant.prefixed() ? PatternType.PREFIXED : PatternType.LITERAL),
                new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW));
    }
}
