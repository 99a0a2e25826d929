/** The Sigil server. Finds the backends as {@code BackendProvider}s; exports nothing. */
module dev.sigil.service {
    requires dev.sigil.crypto;
    requires io.vertx.core;
    requires io.vertx.web;
    requires io.vertx.grpc.common;
    requires io.vertx.grpc.server;
    requires io.vertx.grpc.reflection;
    requires com.google.protobuf;
    requires io.netty.transport;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.codec;
    requires com.fasterxml.jackson.core;
    requires micrometer.core;
    requires micrometer.registry.prometheus;
    requires org.yaml.snakeyaml;
    requires java.logging;
    requires jdk.unsupported; // sun.misc.Signal: SIGHUP reloads the TLS certificate
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;

    uses dev.sigil.crypto.spi.BackendProvider;
}
