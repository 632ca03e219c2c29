/* Rectify: a link in Tasklist's header back to the product's own pages (dashboard, register, reports). */
export default {
  id: 'rectify-back-to-rectify',
  pluginPoint: 'tasklist.navbar.action',
  priority: 1000,
  render: (node) => {
    const link = document.createElement('a');
    link.href = '/dashboard';
    link.className = 'rectify-home';
    link.textContent = 'Back to Rectify';
    node.appendChild(link);
  }
};
