// Starts Amazon DynamoDB Local bound to 127.0.0.1 only.
//
// DynamoDB Local 1.25 has no host option: its DynamoDBProxyServer builds a Jetty Server(port), which listens on all
// interfaces. This launcher builds the server from the usual command line, sets the host of its Jetty connectors to
// 127.0.0.1 before starting it, and skips the telemetry set-up of ServerRunner.main, so nothing can reach the network.
// Run with java's source-file mode (JDK 11+):
//   java -Djava.library.path=<emulator>/DynamoDBLocal_lib -cp "<emulator>/DynamoDBLocal.jar:<emulator>/DynamoDBLocal_lib/*" \
//        LoopbackDynamoDbLocal.java -inMemory -sharedDb -disableTelemetry -port N
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

public final class LoopbackDynamoDbLocal {
    private LoopbackDynamoDbLocal() {
    }

    public static void main(String[] args) throws Exception {
        DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server server = (Server) field.get(proxy);
        Connector[] connectors = server.getConnectors();
        if (connectors.length == 0) {
            throw new IllegalStateException("DynamoDB Local has no connector to bind to 127.0.0.1");
        }
        for (Connector connector : connectors) {
            ((ServerConnector) connector).setHost("127.0.0.1");
        }
        proxy.start();
        System.out.println("DynamoDB Local listening on 127.0.0.1:" + ((ServerConnector) connectors[0]).getPort());
    }
}
