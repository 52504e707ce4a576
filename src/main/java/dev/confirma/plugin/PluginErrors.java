package dev.confirma.plugin;

import dev.confirma.common.error.ErrorBody;
import dev.confirma.order.InvalidTransitionException;
import dev.confirma.order.OrderNotPayableException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The order core's refusals that name a payment status, worded with the plugin API's spelling of it. */
public class PluginErrors {

    @ServerExceptionMapper
    public Response invalidTransition(InvalidTransitionException e) {
        return conflict(e.code(), "Order " + e.orderId() + " is " + PluginStatus.of(e.from()) + " and cannot become "
                + PluginStatus.of(e.to()));
    }

    @ServerExceptionMapper
    public Response notPayable(OrderNotPayableException e) {
        return conflict(e.code(), "Order " + e.orderId() + " is " + PluginStatus.of(e.status()) + " and takes no more payments");
    }

    private static Response conflict(String code, String message) {
        return Response.status(409).type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorBody.of(code, message, null)).build();
    }
}
