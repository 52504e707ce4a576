package dev.confirma.common;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A shopper's IP address as given in a request, in one spelling (so two spellings of one address
 * count as one). Checked here before Java parses it: Java takes anything else for a host name
 * and asks DNS.
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private ClientAddress() {
    }

    public static Optional<String> canonical(String text) {
        if (!IPV4.matcher(text).matches() && !isIpv6(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty(); // not reached for a checked literal, which Java parses without DNS
        }
    }

    private static boolean isIpv6(String text) {
        if (text.length() > 45 || !text.contains(":")) {
            return false;
        }
        int gap = text.indexOf("::");
        if (gap != text.lastIndexOf("::")) {
            return false;
        }
        String[] parts = (gap >= 0 ? text.replace("::", ":_:") : text).split(":", -1);
        int groups = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.equals("_")) {
                continue;
            }
            if (part.isEmpty()) {
                // only the ends beside "::" may be empty
                boolean besideGap = (i == 0 && parts.length > 1 && parts[1].equals("_"))
                        || (i == parts.length - 1 && i > 0 && parts[i - 1].equals("_"));
                if (!besideGap) {
                    return false;
                }
            } else if (i == parts.length - 1 && IPV4.matcher(part).matches()) {
                groups += 2; // an IPv4 tail, as in ::ffff:192.0.2.1
            } else if (GROUP.matcher(part).matches()) {
                groups++;
            } else {
                return false;
            }
        }
        return gap >= 0 ? groups < 8 : groups == 8;
    }
}
