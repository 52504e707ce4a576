package dev.confirma.chain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A {@link Protocol} column holds its wire name ({@code CELO}), the value the enum it replaced stored. */
@Converter(autoApply = true)
public class ProtocolColumn implements AttributeConverter<Protocol, String> {

    @Override
    public String convertToDatabaseColumn(Protocol protocol) {
        return protocol == null ? null : protocol.name();
    }

    @Override
    public Protocol convertToEntityAttribute(String stored) {
        return stored == null ? null : new Protocol(stored);
    }
}
