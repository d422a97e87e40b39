package com.talentpipeline.core.security;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.web.ProblemTypes;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gives the responses Netty writes on its own (a request line or headers too large, a malformed
 * request, a body that stopped arriving) the problem+json body every other refusal has. Those are
 * written by the HTTP codec's neighbours before any filter runs, so only the channel can fill them in:
 * an empty-bodied 400, 408, 413, 414 or 431 gets {@code type, title, status, detail, code}.
 */
@ChannelHandler.Sharable
final class ProblemBodies extends ChannelOutboundHandlerAdapter {

    static final ProblemBodies INSTANCE = new ProblemBodies();

    private ProblemBodies() {
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof FullHttpResponse response && response.content().readableBytes() == 0
                && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
            Map<String, Object> problem = problem(response.status().code());
            if (problem != null) {
                byte[] body = PipelineJson.mapper().writeValueAsBytes(problem);
                FullHttpResponse filled = response.replace(Unpooled.wrappedBuffer(body));
                filled.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
                filled.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                response.release();
                ctx.write(filled, promise);
                return;
            }
        }
        ctx.write(msg, promise);
    }

    /** The problem for a status Netty answers by itself, or null for any other. */
    static Map<String, Object> problem(int status) {
        String[] text = switch (status) {
            case 400 -> new String[] {"Bad Request", "bad_request", "The request could not be read as HTTP"};
            case 408 -> new String[] {"Request Timeout", "request_timeout",
                    "The request body did not arrive in time (shorter than its Content-Length?)"};
            case 413 -> new String[] {"Content Too Large", "payload_too_large", "The request is too large"};
            case 414 -> new String[] {"URI Too Long", "uri_too_long", "The request line is too long"};
            case 431 -> new String[] {"Request Header Fields Too Large", "headers_too_large",
                    "The request headers are too large"};
            default -> null;
        };
        if (text == null) {
            return null;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemTypes.of(text[1]).toString());
        problem.put("title", text[0]);
        problem.put("status", status);
        problem.put("detail", text[2]);
        problem.put("code", text[1]);
        return problem;
    }
}
