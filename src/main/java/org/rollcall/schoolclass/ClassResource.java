package org.rollcall.schoolclass;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rollcall.auth.CurrentActor;
import org.rollcall.common.DomainException;
import org.rollcall.common.Page;
import org.rollcall.common.PageRequest;
import org.rollcall.common.Params;
import org.rollcall.roster.RosterCsv;
import org.rollcall.user.Role;
import org.rollcall.web.idempotency.Idempotent;

// The API keeps the word "groups" (this path, the `group` filter of /api/users and the `classes`
// field of a user) for the clients written against it; code, pages and docs say "class".
@Path("/api/groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.TEACHER_NAME })
@Tag(name = "Classes")
public class ClassResource {

    /** Body for changing a member's role in a class. */
    public record RoleChange(ClassRole role) {
    }

    @Inject
    ClassService classes;
    @Inject
    CurrentActor actor;
    @Inject
    RosterCsv rosterCsv;

    @GET
    @Operation(summary = "List classes", description = "Admins see all classes, teachers the classes they teach.")
    public Page<ClassSummary> search(@QueryParam("q") String q, @QueryParam("term") String term,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return classes.search(actor.get(), q, term, PageRequest.of(Params.integer("page", page), Params.integer("size", size)));
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One class with its members")
    public ClassView get(@PathParam("code") String code) {
        return classes.find(actor.get(), code).orElseThrow(() -> DomainException.notFound("No class '" + code + "'."));
    }

    @POST
    @Operation(summary = "Create a class", description = "A teacher who creates a class teaches it.")
    @Idempotent
    public Response create(ClassForm form) {
        ClassView created = classes.create(actor.get(), Params.body(form));
        return Response.created(URI.create("/api/groups/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("/{code}")
    @Operation(summary = "Edit a class", description = "Send the version you read; a stale version gets 409.")
    public ClassView update(@PathParam("code") String code, ClassForm form) {
        return classes.update(actor.get(), code, Params.body(form));
    }

    @DELETE
    @Path("/{code}")
    @Operation(summary = "Delete a class and its memberships (not its members' accounts)")
    public Response delete(@PathParam("code") String code) {
        classes.delete(actor.get(), code);
        return Response.noContent().build();
    }

    @GET
    @Path("/{code}/members")
    @Operation(summary = "Members of a class")
    public List<MemberView> members(@PathParam("code") String code) {
        return get(code).members();
    }

    @GET
    @Path("/{code}/members")
    @Produces("text/csv")
    @Operation(summary = "Download the class roster as CSV", description = "The roster import's columns plus the role in class. No password.")
    public Response membersCsv(@PathParam("code") String code) {
        return RosterCsv.download(rosterCsv.roster(actor.get(), code), ClassService.normaliseCode(code) + ".csv");
    }

    @POST
    @Path("/{code}/members")
    @Operation(summary = "Add a member", description = "Role in class: student (default) or teacher.")
    @Idempotent
    public Response addMember(@PathParam("code") String code, MemberForm form) {
        MemberView added = classes.addMember(actor.get(), code, Params.body(form));
        return Response.created(URI.create("/api/groups/" + code + "/members/" + added.username())).entity(added).build();
    }

    @PUT
    @Path("/{code}/members/{username}")
    @Operation(summary = "Change a member's role in the class", description = "Making the class's only teacher a student"
            + " is refused for teachers (409); an admin's call is its confirmation.")
    public MemberView changeRole(@PathParam("code") String code, @PathParam("username") String username, RoleChange change) {
        return classes.changeMemberRole(actor.get(), code, username, Params.body(change).role(), true);
    }

    @DELETE
    @Path("/{code}/members/{username}")
    @Operation(summary = "Remove a member from the class", description = "Removing the class's only teacher is refused for"
            + " teachers (409); an admin's call is its confirmation.")
    public Response removeMember(@PathParam("code") String code, @PathParam("username") String username) {
        classes.removeMember(actor.get(), code, username, true);
        return Response.noContent().build();
    }
}
