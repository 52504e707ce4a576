package dev.confirma.plugin;

import dev.confirma.common.error.ErrorBody;
import dev.confirma.order.Order;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The Cryptum answer to a hash whose payment the chain found short: a 400 naming the order
 * and its transactions, besides the usual error object.
 */
public class ShortPaymentResponse {

    private final OrderMapper mapper;

    ShortPaymentResponse(OrderMapper mapper) {
        this.mapper = mapper;
    }

    @Schema(name = "ShortPaymentError")
    public record Body(String message, String status, String orderId, String ecommerceOrderId, String storeId,
                       List<OrderView.TransactionView> transactions, ErrorBody.Detail error) {
    }

    @ServerExceptionMapper
    public Response shortPayment(ShortPaymentException e) {
        OrderView order = mapper.toView(Order.findById(e.orderId()));
        Body body = new Body(e.getMessage(), "failed", order.id(), order.ecommerceOrderId(), order.storeId(), order.transactions(),
                new ErrorBody.Detail(e.code(), e.getMessage(), e.field()));
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
