package org.rollcall.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An instance-wide setting shared through the database. */
@Entity
@Table(name = "app_setting")
public class Setting {

    @Id
    @Column(length = 64)
    private String name;

    @Column(name = "setting_value", nullable = false, length = 512)
    private String value;

    protected Setting() {
    }

    Setting(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getValue() {
        return value;
    }
}
