package dev.confirma.cluster;

/** This instance no longer holds the lease its work needs: the work is rolled back and left to the holder. */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(String lease) {
        super("this instance no longer holds the lease " + lease);
    }
}
