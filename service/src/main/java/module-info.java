/** The Sigil server. Finds the backends as {@code BackendProvider}s; exports nothing. */
module dev.sigil.service {
    requires dev.sigil.crypto;
    requires io.vertx.core;
    requires io.vertx.web;
    requires io.vertx.grpc.common;
    requires io.vertx.grpc.server;
    requires io.vertx.grpc.reflection;
    requires com.google.protobuf;
    requires com.fasterxml.jackson.core;
    requires micrometer.core;
    requires micrometer.registry.prometheus;
    requires org.yaml.snakeyaml;
    requires java.logging;

    uses dev.sigil.crypto.spi.BackendProvider;
}
