# Runtime image of the relay-daemon (the players' web server) for LAN hosting; see docs/relay.md.
# It copies the already-built thin jar and its lib/ (no build stage), so build first:
#   ./mvnw -pl shared-protocol,web,relay-daemon -am package -DskipTests
#   docker build -t dm20-relay .
FROM eclipse-temurin:25-jre

# An unprivileged user; docker-compose.yml runs it as the host user that owns the campaign directory.
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin relay

WORKDIR /app
COPY relay-daemon/target/lib/ /app/lib/
COPY relay-daemon/target/relay-daemon.jar /app/relay-daemon.jar

USER relay
EXPOSE 8080
VOLUME ["/campaign"]

# The jar's manifest carries Chronicle's module flags; JVM logging goes to stderr.
ENTRYPOINT ["java", "-Xlog:disable", "-Xlog:all=warning:stderr", "--sun-misc-unsafe-memory-access=allow", \
            "-Dchronicle.analytics.disable=true", "-Dchronicle.announcer.disable=true", \
            "-jar", "/app/relay-daemon.jar"]
# Inside a container the detected addresses are the container's own: pass --public-url (compose does).
CMD ["--campaign", "/campaign", "--host", "0.0.0.0", "--port", "8080"]
