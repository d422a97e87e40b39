package com.talentpipeline.localstack.stack;

import java.nio.file.Path;

/**
 * Runs an {@link EmbeddedStack} in a separate JVM so a test can kill that JVM with SIGKILL, the
 * way a crashed {@code run-local} dies, and look at what it leaves behind.
 * Arguments: dataDir kafkaPort kafkaControllerPort postgresPort redisPort.
 */
public final class StackChildProcess {

    private StackChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        StackSettings settings = new StackSettings(Path.of(args[0]), StackSettings.LOOPBACK,
                Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Integer.parseInt(args[4]), "talent", "talent", "talent");
        StackEndpoints ep = new EmbeddedStack(settings).start();
        try (var c = StackTestSupport.jdbc(ep); var s = c.createStatement()) {
            s.execute("create table if not exists crash (v text)");
            s.execute("insert into crash values ('before crash')");
        }
        Readiness.redisCommand(ep.redisHost(), ep.redisPort(), "SET", "crash", "before crash");
        System.out.println("STACK-READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
