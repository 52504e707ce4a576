package dev.confirma.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where the shop sends the goods, as the plugin gave it. */
@Embeddable
public class DeliveryInfo {

    @Column(name = "delivery_first_name")
    public String firstName;

    @Column(name = "delivery_last_name")
    public String lastName;

    @Column(name = "delivery_email")
    public String email;

    @Column(name = "delivery_country")
    public String country;

    @Column(name = "delivery_city")
    public String city;

    @Column(name = "delivery_zip")
    public String zip;

    @Column(name = "delivery_address")
    public String address;

    @Column(name = "delivery_complement")
    public String complement;

    @Column(name = "delivery_state")
    public String state;
}
