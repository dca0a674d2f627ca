package org.rollcall.schoolclass;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.rollcall.common.VersionedEntity;

/** A class, section or team. */
@Entity
@Table(name = "app_group")
public class SchoolClass extends VersionedEntity {

    @Column(nullable = false, length = 16)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 16)
    private String term;

    @Column(name = "class_period", length = 32)
    private String period;

    @Column(length = 1000)
    private String description;

    /** The existing Kasm Workspaces group its members are put in (docs/kasm.md); null: none. */
    @Column(name = "kasm_group_id", length = 64)
    private String kasmGroupId;

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getTerm() { return term; }
    public void setTerm(String term) { this.term = term; }
    public String getPeriod() { return period; }
    public void setPeriod(String period) { this.period = period; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getKasmGroupId() { return kasmGroupId; }
    public void setKasmGroupId(String kasmGroupId) { this.kasmGroupId = kasmGroupId; }
}
