package network.mask.node.update;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads with hard bounds: a connect timeout, a deadline for the whole transfer, and a byte
 * limit enforced while the bytes arrive (a lying or endless server is cut off, never buffered).
 * Errors are typed: {@link UpdateError#FEED_UNREACHABLE}, {@link UpdateError#FEED_TIMEOUT},
 * {@link UpdateError#FEED_HTTP_STATUS}, or the caller's {@code tooLarge} code.
 */
public final class BoundedDownload implements AutoCloseable {

    private final HttpClient client;
    private final Duration deadline;

    public BoundedDownload(Duration connectTimeout, Duration deadline) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.deadline = deadline;
    }

    /** Streams {@code uri} into {@code sink}; returns the byte count. */
    public long fetch(URI uri, long maxBytes, UpdateError tooLarge, OutputStream sink) throws UpdateException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(deadline).header("User-Agent", "masknode-updater").GET().build();
        CompletableFuture<HttpResponse<Long>> future = client.sendAsync(request, info -> {
            if (info.statusCode() != 200) return HttpResponse.BodySubscribers.replacing(-1L);
            return new Bounded(maxBytes, sink);
        });
        HttpResponse<Long> response;
        try {
            response = future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new UpdateException(UpdateError.FEED_TIMEOUT, uri + " did not finish within " + deadline.toSeconds() + " s");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new UpdateException(UpdateError.FEED_TIMEOUT, "interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) cause = cause.getCause();
            if (cause instanceof TooLarge) throw new UpdateException(tooLarge, uri + " is larger than " + maxBytes + " bytes");
            if (cause instanceof HttpConnectTimeoutException) throw new UpdateException(UpdateError.FEED_TIMEOUT, "connecting to " + uri + " timed out");
            if (cause instanceof HttpTimeoutException) throw new UpdateException(UpdateError.FEED_TIMEOUT, uri + " did not answer in time");
            if (cause instanceof ConnectException) throw new UpdateException(UpdateError.FEED_UNREACHABLE, "cannot connect to " + uri);
            throw new UpdateException(UpdateError.FEED_UNREACHABLE, uri + ": " + cause, cause);
        }
        if (response.statusCode() != 200) {
            throw new UpdateException(UpdateError.FEED_HTTP_STATUS, uri + " answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    @Override
    public void close() {
        client.close();
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("body exceeds its limit", null);
        }
    }

    /** Writes each chunk as it arrives and fails the moment the limit is passed. */
    private static final class Bounded implements HttpResponse.BodySubscriber<Long> {
        private final long max;
        private final OutputStream sink;
        private final CompletableFuture<Long> result = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private long count;

        Bounded(long max, OutputStream sink) {
            this.max = max;
            this.sink = sink;
        }

        @Override
        public CompletionStage<Long> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            try {
                for (ByteBuffer b : buffers) {
                    count += b.remaining();
                    if (count > max) throw new TooLarge();
                    byte[] chunk = new byte[b.remaining()];
                    b.get(chunk);
                    sink.write(chunk);
                }
                subscription.request(1);
            } catch (IOException e) {
                subscription.cancel();
                result.completeExceptionally(e);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(count);
        }
    }
}
