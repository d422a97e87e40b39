package com.talentpipeline.results.webhook;

import com.talentpipeline.core.security.OutboundUrlGuard;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import reactor.core.scheduler.Schedulers;

/**
 * The webhook client's DNS: every name is resolved through the SSRF guard when the connection is
 * made, and the client connects to the address the guard approved. A name whose DNS answer changes
 * between the check and the connect (rebinding) cannot reach an inward address. Resolution runs off
 * the event loop (the system resolver blocks).
 */
final class GuardedAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final OutboundUrlGuard guard;

    GuardedAddressResolverGroup(OutboundUrlGuard guard) {
        this.guard = guard;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetNameResolver(executor) {
            @Override
            protected void doResolve(String host, Promise<InetAddress> promise) {
                Schedulers.boundedElastic().schedule(() -> {
                    try {
                        promise.trySuccess(guard.check("http://" + bracket(host) + "/"));
                    } catch (OutboundUrlGuard.Refused e) {
                        promise.tryFailure(new UnknownHostException("refused by the SSRF guard: " + e.getMessage()));
                    } catch (RuntimeException e) {
                        promise.tryFailure(e);
                    }
                });
            }

            @Override
            protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
                Schedulers.boundedElastic().schedule(() -> {
                    try {
                        promise.trySuccess(List.of(guard.check("http://" + bracket(host) + "/")));
                    } catch (OutboundUrlGuard.Refused e) {
                        promise.tryFailure(new UnknownHostException("refused by the SSRF guard: " + e.getMessage()));
                    } catch (RuntimeException e) {
                        promise.tryFailure(e);
                    }
                });
            }
        }.asAddressResolver();
    }

    private static String bracket(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
