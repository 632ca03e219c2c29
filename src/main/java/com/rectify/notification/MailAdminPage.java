package com.rectify.notification;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /admin/mail}: what Rectify has sent, what waits and what keeps failing, with the error — for
 * administrators and audit managers. In the default run this is where the captured mail is read.
 */
@Controller
class MailAdminPage {

  private static final int SHOWN = 200;
  private static final java.time.format.DateTimeFormatter STAMP =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(com.rectify.common.Today.LONDON);

  private final OutboundMailRepository mails;

  public MailAdminPage(OutboundMailRepository mails) {
    this.mails = mails;
  }

  /** For the templates: {@code kinds.of(mail.kind)}. */
  public static final class Kinds {
    public String of(String kind) {
      return MailKinds.label(kind);
    }
  }

  @GetMapping("/admin/mail")
  public String list(Model model) {
    model.addAttribute("mails", mails.findAllByOrderByIdDesc(PageRequest.of(0, SHOWN)));
    model.addAttribute("pending", mails.countByState(MailState.PENDING) + mails.countByState(MailState.SENDING));
    model.addAttribute("sent", mails.countByState(MailState.SENT));
    model.addAttribute("shown", SHOWN);
    model.addAttribute("stamp", STAMP);
    model.addAttribute("kinds", new Kinds());
    return "admin-mail";
  }

  @GetMapping("/admin/mail/{id}")
  public String show(@PathVariable Long id, Model model) {
    model.addAttribute("mail", mails.findById(id).orElseThrow(() -> com.rectify.common.ApiException.notFound("mail")));
    model.addAttribute("stamp", STAMP);
    model.addAttribute("kinds", new Kinds());
    return "admin-mail-one";
  }
}
